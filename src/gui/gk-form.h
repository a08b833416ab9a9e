/* gk-form.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The small forms of the message dialogs: a boxed list of rows, shown
 * under the body, answered by "cancel" or "accept". Labels stay with the
 * caller; only "_Cancel" is said here. And the status page of a box that
 * has nothing to show. */

/* An empty boxed list to add rows to. */
GtkWidget *gk_form_new        (void);
/* An entry row titled @title, holding @text (or nothing), appended to @form. */
GtkWidget *gk_form_add_entry  (GtkWidget  *form,
                               const char *title,
                               const char *text);
/* An editable's text, stripped; NULL when nothing is left. */
char      *gk_form_get_text   (GtkWidget  *editable);
/* A dialog asking @heading (and @body) over @form, if any, with "cancel"
 * and "accept" (labelled @accept, suggested). Enter accepts only where the
 * caller makes "accept" the default response. */
GtkWidget *gk_form_dialog_new (GtkWindow  *parent,
                               const char *heading,
                               const char *body,
                               const char *accept,
                               GtkWidget  *form);

/* For a box with nothing else to show (empty, or its read failed): a
 * status page with ICON, TITLE and DESCRIPTION (or none). */
GtkWidget *gk_form_status_page (const char *icon,
                                const char *title,
                                const char *description);
/* The id (gint64) in @ids of the row chosen in @drop_down, whose first
 * @skip rows have none ("everyone", "nobody named"); 0 for those. */
gint64     gk_form_selected_id (GtkDropDown *drop_down,
                                GArray      *ids,
                                guint        skip);
/* Removes every child of @box. */
void       gk_form_clear_box   (GtkBox      *box);

G_END_DECLS
