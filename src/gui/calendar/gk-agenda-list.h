/* gk-agenda-list.h — what falls due and what is planned on some days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GK_TYPE_AGENDA_LIST (gk_agenda_list_get_type ())
G_DECLARE_FINAL_TYPE (GkAgendaList, gk_agenda_list, GK, AGENDA_LIST, GtkWidget)

/* One row per obligation and per planned notice, with its item number,
 * content, organization, due date, status, the plan made for it and how
 * the due date was computed. Its buttons activate actions an ancestor
 * installs: calendar.open-notice (x: notice id), calendar.new-plan (x:
 * item id), calendar.waive ((xss): item id, rule, period) and
 * calendar.record-event (x: item id). */
GtkWidget *gk_agenda_list_new      (void);

/* The rectification deadlines (GkFinding, by deadline) of the days the
 * next gk_agenda_list_set_days() shows: each a row on its deadline's day
 * with its status, and a button that activates win.show-finding (x: the
 * finding's id). Referenced; NULL clears. */
void       gk_agenda_list_set_rectifications (GkAgendaList *self,
                                              GPtrArray    *findings);

/* Shows DAYS, GkCalendarDay in order (not kept; NULL clears). WITH_DATES:
 * a heading before each day's rows. */
void       gk_agenda_list_set_days (GkAgendaList *self,
                                    GPtrArray    *days,
                                    gboolean      with_dates);

/* REASON (NULL: writable) is the tooltip of the buttons whose actions
 * write, from the next gk_agenda_list_set_days() on; the ancestor disables
 * those actions. */
void       gk_agenda_list_set_read_only (GkAgendaList *self,
                                         const char   *reason);

G_END_DECLS
