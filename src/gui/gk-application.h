/* gk-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GK_TYPE_APPLICATION (gk_application_get_type ())
G_DECLARE_FINAL_TYPE (GkApplication, gk_application, GK, APPLICATION, AdwApplication)

GkApplication *gk_application_new               (void);
/* NULL when the schema is not installed (an uninstalled build run without
 * GSETTINGS_SCHEMA_DIR): the app then works but remembers nothing. */
GSettings     *gk_application_get_settings      (GkApplication *self);
void           gk_application_remember_database (GkApplication *self,
                                                 const char    *path);

G_END_DECLS
