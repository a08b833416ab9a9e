/* gk-supervision-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/gk-context.h"

G_BEGIN_DECLS

#define GK_TYPE_SUPERVISION_PAGE (gk_supervision_page_get_type ())
G_DECLARE_FINAL_TYPE (GkSupervisionPage, gk_supervision_page, GK, SUPERVISION_PAGE, GtkWidget)

/* The 督查 tab (第十六–二十条), for party office and inspectors: the
 * overdue dashboard, the annual report and the period summary with their
 * PDF and CSV, inspections with their findings and rectifications,
 * feedback and public-opinion notes, and the audit trail with the
 * verification of its chain. A dashboard line of a notice activates
 * win.show-notice (x: the notice id); of an obligation, win.show-page
 * "calendar"; of an application, opens its window (GkRequestWindow); of a
 * rectification, shows the inspections. */
GkContext *gk_supervision_page_get_context   (GkSupervisionPage *self);
void       gk_supervision_page_set_context   (GkSupervisionPage *self,
                                              GkContext         *context);
void       gk_supervision_page_reload        (GkSupervisionPage *self);

G_END_DECLS
