/* gk-catalog-item-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <string.h>

#include "core/gk-cadence.h"
#include "core/gk-catalog.h"
#include "core/gk-catalog-edit.h"
#include "core/gk-catalog-item.h"
#include "core/gk-choices.h"
#include "core/gk-core-error.h"
#include "gk-catalog-item-dialog.h"

/* The rules of gk-cadence.h; PARAM says what follows the colon. */
typedef enum
{
  PARAM_NONE,
  PARAM_DAYS,
  PARAM_DATE,
} RuleParam;

static const struct
{
  const char *kind;
  const char *label;
  RuleParam   param;
} rule_kinds[] = {
  { "once", N_("Once"), PARAM_NONE },
  { "on-event", N_("Working days after the event"), PARAM_DAYS },
  { "monthly", N_("Monthly"), PARAM_NONE },
  { "quarterly", N_("Quarterly"), PARAM_NONE },
  { "half-yearly", N_("Half-yearly"), PARAM_NONE },
  { "yearly", N_("Yearly, by date"), PARAM_DATE },
  { "yearly-after", N_("The following year, by date"), PARAM_DATE },
  { "per-term", N_("Each term"), PARAM_NONE },
};

typedef struct
{
  GtkWidget   *row;      /* (unowned) in rules_box */
  GtkDropDown *kind;
  GtkEntry    *param;
} Rule;

/* An organization or audience the form offers, with its check button. */
typedef struct
{
  gint64     id;
  GtkWidget *check;  /* (unowned) */
} Check;

struct _GkCatalogItemDialog
{
  AdwWindow       parent_instance;

  GkDatabase     *db;
  gint64          person_id;
  gint64          catalog_id;
  gint64          item_id;
  /* What the item was when read: a save changes only what differs and
   * expects this row version. */
  GkCatalogItem  *item;
  GArray         *item_responsible;
  GArray         *item_audiences;
  gint64          row_version;

  char          **categories;
  GArray         *responsible;   /* Check */
  GArray         *audiences;     /* Check */
  GPtrArray      *rules;         /* Rule */
  gboolean        filling;

  AdwWindowTitle *window_title;
  AdwEntryRow    *content_row;
  AdwComboRow    *category_row;
  AdwEntryRow    *number_row;
  GtkFlowBox     *responsible_box;
  GtkFlowBox     *audiences_box;
  GtkListBox     *rules_box;
  AdwEntryRow    *reason_row;
  GtkLabel       *problem_label;
};

G_DEFINE_FINAL_TYPE (GkCatalogItemDialog, gk_catalog_item_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void gk_catalog_item_dialog_validate (GkCatalogItemDialog *self);

static void
show_error (GkCatalogItemDialog *self,
            const char          *heading,
            const char          *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_form_changed (GkCatalogItemDialog *self)
{
  if (!self->filling)
    gk_catalog_item_dialog_validate (self);
}

/* Cadence rules */

static guint
rule_kind_index (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (rule_kinds); i++)
    if (g_str_equal (rule_kinds[i].kind, kind))
      return i;
  return 0;
}

static void
rule_update_param (Rule *rule)
{
  RuleParam param = rule_kinds[gtk_drop_down_get_selected (rule->kind)].param;

  gtk_widget_set_sensitive (GTK_WIDGET (rule->param), param != PARAM_NONE);
  gtk_entry_set_placeholder_text (rule->param,
                                  param == PARAM_DAYS ? _("Days, e.g. 5")
                                  : param == PARAM_DATE ? _("MM-DD, e.g. 03-31") : NULL);
}

static void
on_rule_kind_changed (GtkDropDown         *kind,
                      GParamSpec          *pspec,
                      GkCatalogItemDialog *self)
{
  for (guint i = 0; i < self->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (self->rules, i);

      if (rule->kind == kind)
        rule_update_param (rule);
    }
  on_form_changed (self);
}

static void
on_remove_rule_clicked (GtkButton           *button,
                        GkCatalogItemDialog *self)
{
  for (guint i = 0; i < self->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (self->rules, i);

      if (gtk_widget_is_ancestor (GTK_WIDGET (button), rule->row))
        {
          gtk_list_box_remove (self->rules_box, rule->row);
          g_ptr_array_remove_index (self->rules, i);
          break;
        }
    }
  on_form_changed (self);
}

static void
add_rule (GkCatalogItemDialog *self,
          const char          *text)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "once", ":", 2);
  Rule *rule = g_new0 (Rule, 1);
  GtkWidget *box, *remove;

  for (guint i = 0; i < G_N_ELEMENTS (rule_kinds); i++)
    gtk_string_list_append (kinds, _(rule_kinds[i].label));

  rule->kind = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&kinds)), NULL));
  gtk_drop_down_set_selected (rule->kind, rule_kind_index (g_strstrip (parts[0])));
  gtk_accessible_update_property (GTK_ACCESSIBLE (rule->kind),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Rule"), -1);
  rule->param = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (rule->param), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (rule->param), parts[0] != NULL && parts[1] != NULL ? parts[1] : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (rule->param),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Days or date of the rule"), -1);
  remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_tooltip_text (remove, _("Remove the rule"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove the rule"), -1);
  gtk_widget_add_css_class (remove, "flat");

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (rule->kind));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (rule->param));
  gtk_box_append (GTK_BOX (box), remove);
  rule->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (rule->row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (rule->row), box);
  gtk_list_box_append (self->rules_box, rule->row);

  rule_update_param (rule);
  g_signal_connect (rule->kind, "notify::selected", G_CALLBACK (on_rule_kind_changed), self);
  g_signal_connect_swapped (rule->param, "changed", G_CALLBACK (on_form_changed), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_rule_clicked), self);
  g_ptr_array_add (self->rules, rule);
}

static void
on_add_rule_clicked (GkCatalogItemDialog *self)
{
  add_rule (self, NULL);
  on_form_changed (self);
}

/* The rules joined with ';', as gk-cadence.h reads them. */
static char *
get_cadence (GkCatalogItemDialog *self)
{
  g_autoptr(GString) cadence = g_string_new (NULL);

  for (guint i = 0; i < self->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (self->rules, i);
      guint kind = gtk_drop_down_get_selected (rule->kind);
      g_autofree char *param = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (rule->param))));

      if (cadence->len > 0)
        g_string_append_c (cadence, ';');
      g_string_append (cadence, rule_kinds[kind].kind);
      if (rule_kinds[kind].param != PARAM_NONE)
        g_string_append_printf (cadence, ":%s", param);
    }
  return g_string_free (g_steal_pointer (&cadence), FALSE);
}

/* Check buttons */

static void
add_checks (GkCatalogItemDialog *self,
            GPtrArray           *choices,
            GArray              *checks,
            GtkFlowBox          *box)
{
  for (guint i = 0; choices != NULL && i < choices->len; i++)
    {
      GkChoice *choice = g_ptr_array_index (choices, i);
      Check check = { choice->id, gtk_check_button_new_with_label (choice->name) };

      if (choice->detail != NULL && *choice->detail != '\0')
        gtk_widget_set_tooltip_text (check.check, choice->detail);
      g_signal_connect_swapped (check.check, "toggled", G_CALLBACK (on_form_changed), self);
      gtk_flow_box_append (box, check.check);
      g_array_append_val (checks, check);
    }
}

static GArray *
checked_ids (GArray *checks)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < checks->len; i++)
    {
      Check *check = &g_array_index (checks, Check, i);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check->check)))
        g_array_append_val (ids, check->id);
    }
  return ids;
}

static void
set_checked_ids (GArray *checks,
                 GArray *ids)
{
  for (guint i = 0; i < checks->len; i++)
    {
      Check *check = &g_array_index (checks, Check, i);
      gboolean active = FALSE;

      for (guint k = 0; ids != NULL && k < ids->len && !active; k++)
        active = g_array_index (ids, gint64, k) == check->id;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check->check), active);
    }
}

/* Ticked ids in the order the item had them, new ones after: the order
 * is what the annex prints. */
static GArray *
ordered_ids (GArray *checks,
             GArray *before)
{
  g_autoptr(GArray) ticked = checked_ids (checks);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; before != NULL && i < before->len; i++)
    for (guint k = 0; k < ticked->len; k++)
      if (g_array_index (ticked, gint64, k) == g_array_index (before, gint64, i))
        g_array_append_val (ids, g_array_index (before, gint64, i));
  for (guint k = 0; k < ticked->len; k++)
    {
      gboolean seen = FALSE;

      for (guint i = 0; i < ids->len && !seen; i++)
        seen = g_array_index (ids, gint64, i) == g_array_index (ticked, gint64, k);
      if (!seen)
        g_array_append_val (ids, g_array_index (ticked, gint64, k));
    }
  return ids;
}

static gboolean
same_ids (GArray *a,
          GArray *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->len != b->len)
    return FALSE;
  return memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0;
}

/* The form */

static const char *
get_category (GkCatalogItemDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->category_row);

  if (self->categories == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected >= g_strv_length (self->categories))
    return NULL;
  return self->categories[selected];
}

static guint
get_number (GkCatalogItemDialog *self)
{
  guint64 number = 0;

  if (!g_ascii_string_to_unsigned (gtk_editable_get_text (GTK_EDITABLE (self->number_row)),
                                   10, 1, G_MAXINT, &number, NULL))
    return 0;
  return (guint) number;
}

static char *
get_trimmed (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* The first problem of the form, or NULL when it may be saved. */
static char *
gk_catalog_item_dialog_problem (GkCatalogItemDialog *self)
{
  g_autofree char *content = get_trimmed (self->content_row);
  g_autofree char *reason = get_trimmed (self->reason_row);
  g_autofree char *cadence = get_cadence (self);
  g_autoptr(GArray) responsible = checked_ids (self->responsible);
  g_autoptr(GArray) audiences = checked_ids (self->audiences);
  g_autoptr(GError) error = NULL;

  if (*content == '\0')
    return g_strdup (_("Say what the item discloses."));
  if (get_category (self) == NULL)
    return g_strdup (_("Choose a category."));
  if (get_number (self) == 0)
    return g_strdup (_("The number must be a whole number from 1."));
  if (responsible->len == 0)
    return g_strdup (_("Tick at least one responsible organization."));
  if (audiences->len == 0)
    return g_strdup (_("Tick at least one audience."));
  if (self->rules->len == 0)
    return g_strdup (_("Add at least one cadence rule."));
  if (!gk_cadence_validate (cadence, &error))
    return g_strdup_printf (_("Cadence: %s"), error->message);
  if (*reason == '\0')
    return g_strdup (_("Give the reason for the change: it is kept in the item's history."));
  return NULL;
}

static void
gk_catalog_item_dialog_validate (GkCatalogItemDialog *self)
{
  g_autofree char *problem = gk_catalog_item_dialog_problem (self);

  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.save", problem == NULL);
}

static guint
category_index (GkCatalogItemDialog *self,
                const char          *name)
{
  for (guint i = 0; self->categories != NULL && self->categories[i] != NULL; i++)
    if (g_str_equal (self->categories[i], name))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* Fills the form from the item as it is in the database (not the reason:
 * a reload keeps it). */
static gboolean
gk_catalog_item_dialog_fill (GkCatalogItemDialog *self,
                             GError             **error)
{
  g_autofree char *number = NULL;
  g_auto(GStrv) rules = NULL;

  g_clear_object (&self->item);
  g_clear_pointer (&self->item_responsible, g_array_unref);
  g_clear_pointer (&self->item_audiences, g_array_unref);

  if ((self->item = gk_catalog_get_item (self->db, self->item_id, error)) == NULL ||
      (self->item_responsible = gk_catalog_get_item_responsible (self->db, self->item_id, error)) == NULL ||
      (self->row_version = gk_catalog_get_item_row_version (self->db, self->item_id, error)) <= 0)
    return FALSE;
  self->item_audiences = gk_choices_item_audiences (self->db, self->item_id);

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->content_row), gk_catalog_item_get_content (self->item));
  adw_combo_row_set_selected (self->category_row,
                              category_index (self, gk_catalog_item_get_category (self->item)));
  number = g_strdup_printf ("%u", gk_catalog_item_get_number (self->item));
  gtk_editable_set_text (GTK_EDITABLE (self->number_row), number);
  set_checked_ids (self->responsible, self->item_responsible);
  set_checked_ids (self->audiences, self->item_audiences);

  while (self->rules->len > 0)
    {
      Rule *rule = g_ptr_array_index (self->rules, 0);

      gtk_list_box_remove (self->rules_box, rule->row);
      g_ptr_array_remove_index (self->rules, 0);
    }
  rules = g_strsplit (gk_catalog_item_get_cadence (self->item), ";", -1);
  for (guint i = 0; rules[i] != NULL; i++)
    if (*g_strstrip (rules[i]) != '\0')
      add_rule (self, rules[i]);
  self->filling = FALSE;

  gk_catalog_item_dialog_validate (self);
  return TRUE;
}

/* A new item: the next free number, in the category of the last item. */
static void
gk_catalog_item_dialog_fill_new (GkCatalogItemDialog *self)
{
  g_autoptr(GListModel) items = gk_catalog_list_items (self->db, self->catalog_id, NULL);
  g_autofree char *number = NULL;
  guint next = 1;

  self->filling = TRUE;
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GkCatalogItem) item = g_list_model_get_item (items, i);

      next = MAX (next, gk_catalog_item_get_number (item) + 1);
    }
  number = g_strdup_printf ("%u", next);
  gtk_editable_set_text (GTK_EDITABLE (self->number_row), number);
  if (self->categories != NULL && self->categories[0] != NULL)
    adw_combo_row_set_selected (self->category_row, g_strv_length (self->categories) - 1);
  add_rule (self, "on-event:5");
  self->filling = FALSE;

  gk_catalog_item_dialog_validate (self);
}

/* Saving */

static void gk_catalog_item_dialog_save (GkCatalogItemDialog *self);

static void
on_conflict_response (AdwMessageDialog    *dialog,
                      const char          *response,
                      GkCatalogItemDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "reload"))
    {
      if (!gk_catalog_item_dialog_fill (self, &error))
        show_error (self, _("Could Not Read the Item"), error->message);
    }
  else if (g_str_equal (response, "overwrite"))
    {
      /* The user has seen the other change and keeps theirs. */
      self->row_version = gk_catalog_get_item_row_version (self->db, self->item_id, &error);
      if (self->row_version <= 0)
        show_error (self, _("Could Not Read the Item"), error->message);
      else
        gk_catalog_item_dialog_save (self);
    }
}

static void
show_conflict (GkCatalogItemDialog *self,
               const GError        *error)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf ("%s\n\n%s", error->message,
                          _("What you typed is kept. Save yours over the other change, or discard yours and see the item as it is now."));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Someone Else Changed This Item"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "reload", _("_Reload"),
                                    "overwrite", _("_Save Mine"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_conflict_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
gk_catalog_item_dialog_save (GkCatalogItemDialog *self)
{
  g_autofree char *content = get_trimmed (self->content_row);
  g_autofree char *reason = get_trimmed (self->reason_row);
  g_autofree char *cadence = get_cadence (self);
  g_autofree char *problem = gk_catalog_item_dialog_problem (self);
  g_autoptr(GArray) responsible = ordered_ids (self->responsible, self->item_responsible);
  g_autoptr(GArray) audiences = ordered_ids (self->audiences, self->item_audiences);
  g_autoptr(GError) error = NULL;
  GkCatalogChange change = { 0 };
  gint64 category_id, saved_id = self->item_id;
  gboolean ok;

  if (problem != NULL)
    return;

  category_id = gk_catalog_find_category (self->db, self->catalog_id, get_category (self), &error);
  if (category_id <= 0)
    {
      show_error (self, _("Could Not Save the Item"), error->message);
      return;
    }

  if (self->item == NULL)
    {
      change = (GkCatalogChange) {
        .number = get_number (self), .category_id = category_id, .content = content,
        .responsible = responsible, .audiences = audiences, .cadence = cadence,
      };
      saved_id = gk_catalog_edit_add_item (self->db, self->person_id, self->catalog_id, &change,
                                           reason, &error);
      ok = saved_id > 0;
    }
  else
    {
      if (get_number (self) != gk_catalog_item_get_number (self->item))
        change.number = get_number (self);
      if (g_strcmp0 (get_category (self), gk_catalog_item_get_category (self->item)) != 0)
        change.category_id = category_id;
      if (g_strcmp0 (content, gk_catalog_item_get_content (self->item)) != 0)
        change.content = content;
      if (!same_ids (responsible, self->item_responsible))
        change.responsible = responsible;
      if (!same_ids (audiences, self->item_audiences))
        change.audiences = audiences;
      if (g_strcmp0 (cadence, gk_catalog_item_get_cadence (self->item)) != 0)
        change.cadence = cadence;
      ok = gk_catalog_edit_item (self->db, self->person_id, self->item_id, self->row_version,
                                 &change, reason, &error);
    }

  if (!ok)
    {
      if (g_error_matches (error, GK_CORE_ERROR, GK_CORE_ERROR_CONFLICT))
        show_conflict (self, error);
      else
        show_error (self, _("Could Not Save the Item"), error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, saved_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
gk_catalog_item_dialog_save_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  gk_catalog_item_dialog_save (GK_CATALOG_ITEM_DIALOG (widget));
}

/* GObject */

static void
gk_catalog_item_dialog_dispose (GObject *object)
{
  GkCatalogItemDialog *self = GK_CATALOG_ITEM_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_CATALOG_ITEM_DIALOG);
  g_clear_object (&self->db);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (gk_catalog_item_dialog_parent_class)->dispose (object);
}

static void
gk_catalog_item_dialog_finalize (GObject *object)
{
  GkCatalogItemDialog *self = GK_CATALOG_ITEM_DIALOG (object);

  g_clear_pointer (&self->item_responsible, g_array_unref);
  g_clear_pointer (&self->item_audiences, g_array_unref);
  g_clear_pointer (&self->categories, g_strfreev);
  g_clear_pointer (&self->responsible, g_array_unref);
  g_clear_pointer (&self->audiences, g_array_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);

  G_OBJECT_CLASS (gk_catalog_item_dialog_parent_class)->finalize (object);
}

static void
gk_catalog_item_dialog_class_init (GkCatalogItemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_catalog_item_dialog_dispose;
  object_class->finalize = gk_catalog_item_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/catalog/gk-catalog-item-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkCatalogItemDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogItemDialog, content_row);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogItemDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogItemDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogItemDialog, responsible_box);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogItemDialog, audiences_box);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogItemDialog, rules_box);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogItemDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogItemDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_rule_clicked);

  gtk_widget_class_install_action (widget_class, "item.save", NULL, gk_catalog_item_dialog_save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "item.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gk_catalog_item_dialog_init (GkCatalogItemDialog *self)
{
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->responsible = g_array_new (FALSE, FALSE, sizeof (Check));
  self->audiences = g_array_new (FALSE, FALSE, sizeof (Check));
  self->rules = g_ptr_array_new_with_free_func (g_free);
}

GtkWidget *
gk_catalog_item_dialog_new (GtkWindow  *parent,
                            GkDatabase *db,
                            gint64      person_id,
                            gint64      catalog_id,
                            gint64      item_id)
{
  GkCatalogItemDialog *self;
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(GPtrArray) audiences = NULL;
  g_autoptr(GtkStringList) category_names = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  self = g_object_new (GK_TYPE_CATALOG_ITEM_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->person_id = person_id;
  self->catalog_id = catalog_id;
  self->item_id = item_id;

  self->categories = gk_catalog_list_categories (db, catalog_id, NULL);
  category_names = gtk_string_list_new ((const char * const *) self->categories);
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (category_names));

  organizations = gk_catalog_list_organizations (db, NULL);
  audiences = gk_choices_audiences (db, NULL);
  add_checks (self, organizations, self->responsible, self->responsible_box);
  add_checks (self, audiences, self->audiences, self->audiences_box);

  if (item_id > 0)
    {
      g_autofree char *title = NULL;

      if (!gk_catalog_item_dialog_fill (self, &error))
        show_error (self, _("Could Not Read the Item"), error->message);
      title = g_strdup_printf (_("Item %u"), self->item != NULL ? gk_catalog_item_get_number (self->item) : 0);
      adw_window_title_set_title (self->window_title, _("Change Catalog Item"));
      adw_window_title_set_subtitle (self->window_title, title);
      gtk_window_set_title (GTK_WINDOW (self), _("Change Catalog Item"));
    }
  else
    {
      gk_catalog_item_dialog_fill_new (self);
      adw_window_title_set_title (self->window_title, _("New Catalog Item"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Catalog Item"));
    }
  self->filling = FALSE;
  gk_catalog_item_dialog_validate (self);

  return GTK_WIDGET (self);
}
