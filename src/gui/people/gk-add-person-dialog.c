/* gk-add-person-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "core/gk-choices.h"
#include "gk-add-person-dialog.h"

struct _GkAddPersonDialog
{
  AdwMessageDialog  parent_instance;

  GPtrArray        *organizations;  /* NULL: no organization row */
  GtkWidget        *name_row;
  GtkWidget        *title_row;
  GtkWidget        *login_row;
  AdwComboRow      *organization_row;
};

G_DEFINE_FINAL_TYPE (GkAddPersonDialog, gk_add_person_dialog, ADW_TYPE_MESSAGE_DIALOG)

static GtkWidget *
entry_row (GtkWidget  *group,
           const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static char *
row_text (GtkWidget *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
on_name_changed (GkAddPersonDialog *self)
{
  g_autofree char *name = row_text (self->name_row);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add", name[0] != '\0');
}

static void
gk_add_person_dialog_finalize (GObject *object)
{
  GkAddPersonDialog *self = GK_ADD_PERSON_DIALOG (object);

  g_clear_pointer (&self->organizations, g_ptr_array_unref);

  G_OBJECT_CLASS (gk_add_person_dialog_parent_class)->finalize (object);
}

static void
gk_add_person_dialog_class_init (GkAddPersonDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gk_add_person_dialog_finalize;
}

static void
gk_add_person_dialog_init (GkAddPersonDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  GtkWidget *group = adw_preferences_group_new ();

  /* Translators: a person's name (姓名) */
  self->name_row = entry_row (group, C_("person", "Name"));
  self->title_row = entry_row (group, _("Title (optional)"));
  self->login_row = entry_row (group, _("Computer login (optional)"));
  gtk_widget_set_tooltip_text (self->login_row,
                               _("Their user name on this computer, so that Gongkai knows them when they start it"));
  self->organization_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->organization_row), _("Organization"));
  gtk_widget_set_visible (GTK_WIDGET (self->organization_row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->organization_row));
  adw_message_dialog_set_extra_child (dialog, group);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "add", FALSE);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (on_name_changed), self);
}

GkAddPersonDialog *
gk_add_person_dialog_new (GtkWindow  *parent,
                          const char *heading,
                          const char *body,
                          GPtrArray  *organizations)
{
  GkAddPersonDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (GK_TYPE_ADD_PERSON_DIALOG,
                       "transient-for", parent,
                       "heading", heading,
                       "body", body,
                       NULL);
  if (organizations != NULL)
    {
      self->organizations = g_ptr_array_ref (organizations);
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      for (guint i = 0; i < organizations->len; i++)
        gtk_string_list_append (names, ((GkChoice *) g_ptr_array_index (organizations, i))->name);
      adw_combo_row_set_model (self->organization_row, G_LIST_MODEL (names));
      gtk_widget_set_visible (GTK_WIDGET (self->organization_row), TRUE);
    }
  gtk_widget_grab_focus (self->name_row);
  return self;
}

char *
gk_add_person_dialog_get_name (GkAddPersonDialog *self)
{
  g_return_val_if_fail (GK_IS_ADD_PERSON_DIALOG (self), NULL);
  return row_text (self->name_row);
}

char *
gk_add_person_dialog_get_title (GkAddPersonDialog *self)
{
  g_return_val_if_fail (GK_IS_ADD_PERSON_DIALOG (self), NULL);
  return row_text (self->title_row);
}

char *
gk_add_person_dialog_get_login (GkAddPersonDialog *self)
{
  g_return_val_if_fail (GK_IS_ADD_PERSON_DIALOG (self), NULL);
  return row_text (self->login_row);
}

gint64
gk_add_person_dialog_get_organization (GkAddPersonDialog *self)
{
  guint position;

  g_return_val_if_fail (GK_IS_ADD_PERSON_DIALOG (self), 0);

  position = adw_combo_row_get_selected (self->organization_row);
  if (self->organizations == NULL || position >= self->organizations->len)
    return 0;
  return ((GkChoice *) g_ptr_array_index (self->organizations, position))->id;
}
