/* gk-people-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

#define GK_TYPE_PEOPLE_WINDOW (gk_people_window_get_type ())
G_DECLARE_FINAL_TYPE (GkPeopleWindow, gk_people_window, GK, PEOPLE_WINDOW, AdwWindow)

/* People and roles (issue 3): the people of DB, searchable, and for the
 * one selected their roles and the organizations they oversee. ACTOR_ID,
 * the current person, changes them only as party office or an
 * administrator (the core refuses anyone else); otherwise, or when DB is
 * read-only, the window only shows and says why. */
GkPeopleWindow *gk_people_window_new (GtkWindow  *parent,
                                      GkDatabase *db,
                                      gint64      actor_id);

G_END_DECLS
