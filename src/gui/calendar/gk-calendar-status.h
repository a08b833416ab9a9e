/* gk-calendar-status.h — how the calendar shows an obligation's status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "core/gk-inspections.h"
#include "core/gk-obligations.h"

G_BEGIN_DECLS

/* Colour never speaks alone: every status has an icon and a text
 * (gk_obligation_status_describe) beside its colour. A notice in progress
 * shows as planned. */
const char *gk_calendar_status_icon_name (GkObligationStatus status);
/* "gk-status-overdue" …, coloured by gk-calendar.css */
const char *gk_calendar_status_css_class (GkObligationStatus status);
/* Most urgent first: overdue, due soon, open, planned, waived, done. */
int         gk_calendar_status_rank      (GkObligationStatus status);

/* A box with the status's icon and text, coloured. */
GtkWidget  *gk_calendar_status_badge_new (GkObligationStatus status);
/* The same with TEXT instead of the status's own words. */
GtkWidget  *gk_calendar_status_badge_new_with_text (GkObligationStatus  status,
                                                    const char         *text);

/* A rectification (督查整改) shown like an obligation of the same
 * urgency — overdue, done, or open before its deadline — with its own
 * words (gk_rectification_status_describe) beside the icon. */
GkObligationStatus gk_calendar_rectification_status (GkRectificationStatus status);
GtkWidget  *gk_calendar_rectification_badge_new      (GkRectificationStatus status);

/* An ISO date formatted with FORMAT (g_date_time_format), or a copy of
 * ISO when it is not a date. */
char       *gk_calendar_format_date      (const char         *iso,
                                          const char         *format);

/* Loads gk-calendar.css for the display, once. */
void        gk_calendar_ensure_style     (void);

G_END_DECLS
