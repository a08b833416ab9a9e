/* gk-conflict-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "gk-conflict-dialog.h"

/* A long text shows this many lines of each side. */
#define VALUE_LINES 8

struct _GkConflictDialog
{
  AdwWindow            parent_instance;

  /* Per field added: the "take theirs" radio of a conflict, else NULL. */
  GPtrArray           *theirs_checks;
  GPtrArray           *mine_checks;
  guint                n_conflicts;
  guint                n_merged;
  gboolean             responded;

  AdwWindowTitle      *window_title;
  GtkLabel            *who_label;
  GtkLabel            *summary_label;
  AdwPreferencesGroup *conflicts_group;
  GtkBox              *conflicts_box;
  AdwPreferencesGroup *merged_group;
};

G_DEFINE_FINAL_TYPE (GkConflictDialog, gk_conflict_dialog, ADW_TYPE_WINDOW)

enum {
  RESPONSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
gk_conflict_dialog_describe_change (const GkAuditEntry *last_change)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  const char *who;

  if (last_change == NULL)
    return g_strdup (_("Someone else changed it after you opened it."));

  utc = g_date_time_new_from_iso8601 (last_change->at, NULL);
  local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  when = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (last_change->at);
  who = last_change->person != NULL && last_change->person[0] != '\0' ? last_change->person : _("Someone");

  if (last_change->os_user != NULL && last_change->os_user[0] != '\0')
    /* Translators: who (a person's name), on which computer account, when */
    return g_strdup_printf (_("%s (%s) changed it at %s, after you opened it."), who, last_change->os_user, when);
  /* Translators: who (a person's name), when */
  return g_strdup_printf (_("%s changed it at %s, after you opened it."), who, when);
}

static const char *
shown_value (const char *value)
{
  return value != NULL && value[0] != '\0' ? value : _("(empty)");
}

static GtkWidget *
value_row (const char *title,
           const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown_value (value));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), VALUE_LINES);
  return row;
}

/* One side of a conflict: a radio button and the value. */
static GtkWidget *
choice_row (const char  *field,
            const char  *title,
            const char  *accessible_format,
            const char  *value,
            GtkWidget   *group_with,
            GtkWidget  **check_out)
{
  GtkWidget *row = value_row (title, value);
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *name = g_strdup_printf (accessible_format, field);

  if (group_with != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), GTK_CHECK_BUTTON (group_with));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  *check_out = check;
  return row;
}

static void
gk_conflict_dialog_update_summary (GkConflictDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), self->n_conflicts > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->merged_group), self->n_merged > 0);
  gtk_label_set_text (self->summary_label,
                      self->n_conflicts > 0
                      ? _("What you typed is kept until you choose. Changes only one of you made are combined; "
                          "for each field you both changed, keep yours or take theirs, then save.")
                      : _("None of the fields you changed was changed by them: both sets of changes are combined. "
                          "Save to keep them all, or discard yours."));
}

guint
gk_conflict_dialog_add_field (GkConflictDialog *self,
                              const char       *label,
                              GkMergeOutcome    outcome,
                              const char       *mine,
                              const char       *theirs)
{
  GtkWidget *mine_check = NULL;
  GtkWidget *theirs_check = NULL;

  g_return_val_if_fail (GK_IS_CONFLICT_DIALOG (self), 0);
  g_return_val_if_fail (label != NULL, 0);

  if (outcome == GK_MERGE_CONFLICT)
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), label);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 choice_row (label, _("Keep Mine"),
                                             /* Translators: %s is a field, e.g. “Title”: the accessible name of a radio button */
                                             _("%s: keep mine"),
                                             mine, NULL, &mine_check));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 choice_row (label, _("Take Theirs"),
                                             /* Translators: %s is a field, e.g. “Title”: the accessible name of a radio button */
                                             _("%s: take theirs"),
                                             theirs, mine_check, &theirs_check));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (mine_check), TRUE);
      gtk_box_append (self->conflicts_box, group);
      self->n_conflicts++;
    }
  else if (outcome != GK_MERGE_SAME)
    {
      GtkWidget *row = value_row (label, outcome == GK_MERGE_MINE ? mine : theirs);
      g_autofree char *title = NULL;

      /* Translators: a field (“Title”) and whose version of it is kept */
      title = g_strdup_printf (outcome == GK_MERGE_MINE ? _("%s — yours") : _("%s — theirs"), label);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_group_add (self->merged_group, row);
      self->n_merged++;
    }

  g_ptr_array_add (self->mine_checks, mine_check);
  g_ptr_array_add (self->theirs_checks, theirs_check);
  gk_conflict_dialog_update_summary (self);
  return self->theirs_checks->len - 1;
}

gboolean
gk_conflict_dialog_takes_theirs (GkConflictDialog *self,
                                 guint             index)
{
  GtkWidget *check;

  g_return_val_if_fail (GK_IS_CONFLICT_DIALOG (self), FALSE);
  g_return_val_if_fail (index < self->theirs_checks->len, FALSE);

  check = g_ptr_array_index (self->theirs_checks, index);
  return check != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (check));
}

static void
gk_conflict_dialog_respond (GkConflictDialog *self,
                            const char       *response)
{
  if (self->responded)
    return;
  self->responded = TRUE;
  g_signal_emit (self, signals[RESPONSE], 0, response);
}

static void
gk_conflict_dialog_respond_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  GkConflictDialog *self = GK_CONFLICT_DIALOG (widget);

  /* Answered first, so that a save that conflicts again can open the
   * next dialog while this one goes. */
  g_object_ref (self);
  gk_conflict_dialog_respond (self, g_variant_get_string (parameter, NULL));
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
gk_conflict_dialog_choose_all_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  GkConflictDialog *self = GK_CONFLICT_DIALOG (widget);
  GPtrArray *checks = g_variant_get_boolean (parameter) ? self->theirs_checks : self->mine_checks;

  for (guint i = 0; i < checks->len; i++)
    if (g_ptr_array_index (checks, i) != NULL)
      gtk_check_button_set_active (GTK_CHECK_BUTTON (g_ptr_array_index (checks, i)), TRUE);
}

/* Closed with Escape or the window manager: the form stays as it was. */
static gboolean
gk_conflict_dialog_close_request (GtkWindow *window)
{
  gk_conflict_dialog_respond (GK_CONFLICT_DIALOG (window), "cancel");
  return GTK_WINDOW_CLASS (gk_conflict_dialog_parent_class)->close_request (window);
}

static void
gk_conflict_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GK_TYPE_CONFLICT_DIALOG);

  G_OBJECT_CLASS (gk_conflict_dialog_parent_class)->dispose (object);
}

static void
gk_conflict_dialog_finalize (GObject *object)
{
  GkConflictDialog *self = GK_CONFLICT_DIALOG (object);

  g_clear_pointer (&self->theirs_checks, g_ptr_array_unref);
  g_clear_pointer (&self->mine_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (gk_conflict_dialog_parent_class)->finalize (object);
}

static void
gk_conflict_dialog_class_init (GkConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gk_conflict_dialog_dispose;
  object_class->finalize = gk_conflict_dialog_finalize;
  window_class->close_request = gk_conflict_dialog_close_request;

  /**
   * GkConflictDialog::response:
   * @response: "save", "reload" or "cancel"
   */
  signals[RESPONSE] = g_signal_new ("response", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gongkai/Gongkai/inbox/gk-conflict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkConflictDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GkConflictDialog, who_label);
  gtk_widget_class_bind_template_child (widget_class, GkConflictDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GkConflictDialog, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, GkConflictDialog, conflicts_box);
  gtk_widget_class_bind_template_child (widget_class, GkConflictDialog, merged_group);

  gtk_widget_class_install_action (widget_class, "conflict.respond", "s", gk_conflict_dialog_respond_action);
  gtk_widget_class_install_action (widget_class, "conflict.choose-all", "b", gk_conflict_dialog_choose_all_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "conflict.respond", "s", "save");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gk_conflict_dialog_init (GkConflictDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->theirs_checks = g_ptr_array_new ();
  self->mine_checks = g_ptr_array_new ();
  gk_conflict_dialog_update_summary (self);
}

GkConflictDialog *
gk_conflict_dialog_new (GtkWindow          *parent,
                        const char         *heading,
                        const GkAuditEntry *last_change)
{
  GkConflictDialog *self;
  g_autofree char *who = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (heading != NULL, NULL);

  self = g_object_new (GK_TYPE_CONFLICT_DIALOG, "transient-for", parent, NULL);
  gtk_window_set_title (GTK_WINDOW (self), heading);
  adw_window_title_set_title (self->window_title, heading);
  who = gk_conflict_dialog_describe_change (last_change);
  gtk_label_set_text (self->who_label, who);
  return self;
}

GkConflictDialog *
gk_conflict_dialog_new_for_fields (GtkWindow           *parent,
                                   const char          *heading,
                                   const GkAuditEntry  *last_change,
                                   guint                n_fields,
                                   const char * const  *labels,
                                   char * const        *base,
                                   char * const        *mine,
                                   char * const        *theirs,
                                   GkConflictValueText  value_text,
                                   gpointer             user_data,
                                   GkMergeField        *fields,
                                   GkMergeOutcome      *outcomes)
{
  GkConflictDialog *self;

  g_return_val_if_fail (labels != NULL && base != NULL && mine != NULL && theirs != NULL, NULL);
  g_return_val_if_fail (value_text != NULL, NULL);
  g_return_val_if_fail (fields != NULL && outcomes != NULL, NULL);

  for (guint i = 0; i < n_fields; i++)
    fields[i] = (GkMergeField) { labels[i], base[i], mine[i], theirs[i] };
  gk_merge_fields (fields, n_fields, outcomes, NULL);

  self = gk_conflict_dialog_new (parent, heading, last_change);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *mine_text = value_text (i, mine[i], user_data);
      g_autofree char *theirs_text = value_text (i, theirs[i], user_data);

      gk_conflict_dialog_add_field (self, _(labels[i]), outcomes[i], mine_text, theirs_text);
    }
  return self;
}
