/* gk-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

#define GK_TYPE_PREFERENCES_WINDOW (gk_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (GkPreferencesWindow, gk_preferences_window, GK, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* What the printed notices and the procedure follow: per database (the
 * issuer, document number, signature, feedback channel, deadlines,
 * backups) in DB's settings table with an audit event each, per computer
 * (default layout, paper, fonts) in SETTINGS. DB may be NULL (no database
 * open) and SETTINGS may be NULL (schema not installed): those parts are
 * then insensitive and say why. */
GtkWidget *gk_preferences_window_new (GtkWindow  *parent,
                                      GkDatabase *db,
                                      GSettings  *settings);

G_END_DECLS
