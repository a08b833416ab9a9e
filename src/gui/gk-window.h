/* gk-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/gk-context.h"
#include "gk-application.h"

G_BEGIN_DECLS

#define GK_TYPE_WINDOW (gk_window_get_type ())
G_DECLARE_FINAL_TYPE (GkWindow, gk_window, GK, WINDOW, AdwApplicationWindow)

GkWindow  *gk_window_new           (GkApplication *application);
GkContext *gk_window_get_context   (GkWindow      *self);
/* Opens PATH; when it does not exist and CREATE_IF_MISSING, creates it from
 * the default template. On failure the user is told why and the current
 * database stays open. */
gboolean   gk_window_open_database (GkWindow      *self,
                                    const char    *path,
                                    gboolean       create_if_missing);
/* Opens PATH so that nothing can be changed in it, as if the user could
 * not write the file (gongkai --read-only). */
gboolean   gk_window_open_database_read_only (GkWindow   *self,
                                              const char *path);

G_END_DECLS
