/* gk-month-view.h — six weeks of days, Monday first, with what falls due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GK_TYPE_MONTH_VIEW (gk_month_view_get_type ())
G_DECLARE_FINAL_TYPE (GkMonthView, gk_month_view, GK, MONTH_VIEW, GtkWidget)

/* The month of the selected day, as six rows of seven days. Each day shows
 * its number, 休 or 班 from the working-day calendar and up to three
 * entries (obligations due, notices planned) with a status icon. Arrows
 * move the selected day, Page Up and Page Down the month, Home goes to
 * today; Enter or a double click emits "day-activated". The selected day
 * is notified through the "date" property (a GDate). */
GtkWidget *gk_month_view_new          (void);

void       gk_month_view_get_date     (GkMonthView *self,
                                       GDate       *date);
void       gk_month_view_set_date     (GkMonthView *self,
                                       const GDate *date);
void       gk_month_view_set_today    (GkMonthView *self,
                                       const GDate *today);
/* The first and the last day shown. */
void       gk_month_view_get_range    (GkMonthView *self,
                                       GDate       *first,
                                       GDate       *last);
/* GkCalendarDay of the days shown, and GkWorkday (holidays and make-up
 * working days); both are referenced, NULL clears. */
void       gk_month_view_set_days     (GkMonthView *self,
                                       GPtrArray   *days);
void       gk_month_view_set_workdays (GkMonthView *self,
                                       GPtrArray   *workdays);
/* GkFinding (督查) whose rectification deadline falls on a day shown: an
 * entry "Rectification due: <finding>" with the rectification's status;
 * referenced, NULL clears. */
void       gk_month_view_set_rectifications (GkMonthView *self,
                                             GPtrArray   *findings);
/* Moves the keyboard focus to the selected day. */
void       gk_month_view_focus_date   (GkMonthView *self);

G_END_DECLS
