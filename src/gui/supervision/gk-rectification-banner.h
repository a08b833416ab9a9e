/* gk-rectification-banner.h — "N rectifications overdue" above the inbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

#define GK_TYPE_RECTIFICATION_BANNER (gk_rectification_banner_get_type ())
G_DECLARE_FINAL_TYPE (GkRectificationBanner, gk_rectification_banner, GK, RECTIFICATION_BANNER, GtkWidget)

/* Hidden unless the person answers for a rectification (督查整改) past its
 * deadline; then a warning icon, "N rectifications overdue" and a button
 * that activates win.show-overdue-rectifications. */
void gk_rectification_banner_update (GkRectificationBanner *self,
                                     GkDatabase            *db,
                                     gint64                 person_id);

G_END_DECLS
