/* gk-form.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The small forms of the message dialogs: a boxed list of rows, shown
 * under the body, answered by "cancel" or "accept". Labels stay with the
 * caller; only "_Cancel" is said here. */

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

G_END_DECLS
