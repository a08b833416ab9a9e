/* gk-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "gk-form.h"

GtkWidget *
gk_form_new (void)
{
  GtkWidget *form = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (form), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (form, "boxed-list");
  return form;
}

GtkWidget *
gk_form_add_entry (GtkWidget  *form,
                   const char *title,
                   const char *text)
{
  GtkWidget *row;

  g_return_val_if_fail (GTK_IS_LIST_BOX (form), NULL);

  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_list_box_append (GTK_LIST_BOX (form), row);
  return row;
}

char *
gk_form_get_text (GtkWidget *editable)
{
  char *text;

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

GtkWidget *
gk_form_dialog_new (GtkWindow  *parent,
                    const char *heading,
                    const char *body,
                    const char *accept,
                    GtkWidget  *form)
{
  GtkWidget *dialog;

  g_return_val_if_fail (form == NULL || GTK_IS_LIST_BOX (form), NULL);

  dialog = adw_message_dialog_new (parent, heading, body);
  if (form != NULL)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), form);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "accept", accept,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_set_size_request (dialog, 460, -1);
  return dialog;
}

GtkWidget *
gk_form_status_page (const char *icon,
                     const char *title,
                     const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  if (description != NULL)
    adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  return page;
}

gint64
gk_form_selected_id (GtkDropDown *drop_down,
                     GArray      *ids,
                     guint        skip)
{
  guint selected;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (drop_down), 0);
  g_return_val_if_fail (ids != NULL, 0);

  selected = gtk_drop_down_get_selected (drop_down);
  if (selected == GTK_INVALID_LIST_POSITION || selected < skip || selected - skip >= ids->len)
    return 0;
  return g_array_index (ids, gint64, selected - skip);
}

void
gk_form_clear_box (GtkBox *box)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_BOX (box));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}
