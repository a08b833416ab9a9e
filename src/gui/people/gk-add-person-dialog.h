/* gk-add-person-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GK_TYPE_ADD_PERSON_DIALOG (gk_add_person_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GkAddPersonDialog, gk_add_person_dialog, GK, ADD_PERSON_DIALOG, AdwMessageDialog)

/* Asks for a person's name, title and computer login, and with
 * ORGANIZATIONS (GkChoice; may be NULL)
 * the organization of their first role. The "add" response is enabled
 * once the name is not blank; "cancel" closes. */
GkAddPersonDialog *gk_add_person_dialog_new (GtkWindow  *parent,
                                             const char *heading,
                                             const char *body,
                                             GPtrArray  *organizations);

/* What was typed, trimmed; the chosen organization's id, 0 without. */
char   *gk_add_person_dialog_get_name         (GkAddPersonDialog *self);
char   *gk_add_person_dialog_get_title        (GkAddPersonDialog *self);
char   *gk_add_person_dialog_get_login        (GkAddPersonDialog *self);
gint64  gk_add_person_dialog_get_organization (GkAddPersonDialog *self);

G_END_DECLS
