/* gk-calendar-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/gk-context.h"

G_BEGIN_DECLS

#define GK_TYPE_CALENDAR_PAGE (gk_calendar_page_get_type ())
G_DECLARE_FINAL_TYPE (GkCalendarPage, gk_calendar_page, GK, CALENDAR_PAGE, GtkWidget)

/* The 公开日历 tab: a month of obligations due and notices planned, by
 * status, the agenda of the selected day or week, filters by organization
 * and "mine" (the context's person), the iCalendar export and the holiday
 * calendar. "Open plan" activates win.show-notice (x: the notice id). */
GkContext *gk_calendar_page_get_context   (GkCalendarPage *self);
void       gk_calendar_page_set_context   (GkCalendarPage *self,
                                           GkContext      *context);
void       gk_calendar_page_reload        (GkCalendarPage *self);

G_END_DECLS
