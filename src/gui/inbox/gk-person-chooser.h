/* gk-person-chooser.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

#define GK_TYPE_PERSON_CHOOSER (gk_person_chooser_get_type ())
G_DECLARE_FINAL_TYPE (GkPersonChooser, gk_person_chooser, GK, PERSON_CHOOSER, AdwWindow)

/* "Who am I": the active people of DB with their roles, searchable. Emits
 * ::person-chosen (gint64 id, const char *name) and closes; closing it
 * otherwise chooses nobody. CURRENT_ID (0: none) starts selected. */
GkPersonChooser *gk_person_chooser_new (GtkWindow  *parent,
                                        GkDatabase *db,
                                        gint64      current_id);

G_END_DECLS
