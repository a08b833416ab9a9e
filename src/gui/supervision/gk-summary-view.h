/* gk-summary-view.h — what one organization disclosed in a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

#define GK_TYPE_SUMMARY_VIEW (gk_summary_view_get_type ())
G_DECLARE_FINAL_TYPE (GkSummaryView, gk_summary_view, GK, SUMMARY_VIEW, GtkWidget)

/* The period summary (第十七条: disclosure in the secretary's 述职 report):
 * an organization — among those the person may report on,
 * gk_report_summary_organizations() —, a period, the figures and the list
 * of what was disclosed, exported as PDF or CSV. */
GtkWidget *gk_summary_view_new          (void);
void       gk_summary_view_set_database (GkSummaryView *self,
                                         GkDatabase    *db,
                                         gint64         person_id);

/* A window holding a summary view: the main menu's Disclosure Summary…,
 * for secretaries who have no 督查 tab. */
GtkWidget *gk_summary_window_new        (GtkWindow     *parent,
                                         GkDatabase    *db,
                                         gint64         person_id);

G_END_DECLS
