/* gk-catalog-item-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <string.h>

#include "core/gk-audit-query.h"
#include "core/gk-cadence.h"
#include "core/gk-catalog.h"
#include "core/gk-catalog-edit.h"
#include "core/gk-catalog-item.h"
#include "core/gk-choices.h"
#include "core/gk-core-error.h"
#include "inbox/gk-conflict-dialog.h"
#include "gk-catalog-item-dialog.h"
#include "gk-save-with-merge.h"
#include "gk-write-job.h"

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

/* An item as read from the database: what a save changes and expects. */
typedef struct
{
  GkCatalogItem *item;
  GArray        *responsible;
  GArray        *audiences;
  gint64         row_version;
} Snapshot;

static void
snapshot_clear (Snapshot *snapshot)
{
  g_clear_object (&snapshot->item);
  g_clear_pointer (&snapshot->responsible, g_array_unref);
  g_clear_pointer (&snapshot->audiences, g_array_unref);
  snapshot->row_version = 0;
}

/* The item's fields as a conflict compares them (gk-merge.h): text, the
 * lists as ids in display order. */
typedef enum
{
  FIELD_CONTENT,
  FIELD_CATEGORY,
  FIELD_NUMBER,
  FIELD_RESPONSIBLE,
  FIELD_AUDIENCES,
  FIELD_CADENCE,
  N_FIELDS
} ItemField;

static const char * const field_labels[N_FIELDS] = {
  N_("Content"),
  N_("Category"),
  N_("Number"),
  N_("Responsible organizations"),
  N_("Audiences"),
  N_("Cadence"),
};

struct _GkCatalogItemDialog
{
  AdwWindow       parent_instance;

  GkDatabase     *db;
  gint64          person_id;
  gint64          catalog_id;
  gint64          item_id;
  /* What the item was when read: a save changes only what differs and
   * expects its row version; a conflict compares with it. */
  Snapshot        base;
  /* A save is being written (gk-write-job.h). */
  gboolean        saving;

  char          **categories;
  GArray         *responsible;   /* Check */
  GArray         *audiences;     /* Check */
  GPtrArray      *rules;         /* Rule */
  gboolean        filling;

  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.save", problem == NULL && !self->saving);
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

static gboolean
snapshot_read (GkDatabase  *db,
               gint64       item_id,
               Snapshot    *snapshot,
               GError     **error)
{
  snapshot_clear (snapshot);
  if ((snapshot->item = gk_catalog_get_item (db, item_id, error)) == NULL ||
      (snapshot->responsible = gk_catalog_get_item_responsible (db, item_id, error)) == NULL ||
      (snapshot->row_version = gk_catalog_get_item_row_version (db, item_id, error)) <= 0)
    return FALSE;
  snapshot->audiences = gk_choices_item_audiences (db, item_id);
  return TRUE;
}

static void
values_clear (char **values)
{
  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&values[i], g_free);
}

static void
values_of_snapshot (const Snapshot  *snapshot,
                    char           **values)
{
  values[FIELD_CONTENT] = g_strdup (gk_catalog_item_get_content (snapshot->item));
  values[FIELD_CATEGORY] = g_strdup (gk_catalog_item_get_category (snapshot->item));
  values[FIELD_NUMBER] = g_strdup_printf ("%u", gk_catalog_item_get_number (snapshot->item));
  values[FIELD_RESPONSIBLE] = gk_save_with_merge_ids_value (snapshot->responsible);
  values[FIELD_AUDIENCES] = gk_save_with_merge_ids_value (snapshot->audiences);
  values[FIELD_CADENCE] = g_strdup (gk_catalog_item_get_cadence (snapshot->item));
}

/* The fields as typed; the lists in the order the item had them. */
static void
values_of_form (GkCatalogItemDialog  *self,
                char                **values)
{
  g_autoptr(GArray) responsible = ordered_ids (self->responsible, self->base.responsible);
  g_autoptr(GArray) audiences = ordered_ids (self->audiences, self->base.audiences);

  values[FIELD_CONTENT] = get_trimmed (self->content_row);
  values[FIELD_CATEGORY] = g_strdup (get_category (self));
  values[FIELD_NUMBER] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->number_row)));
  values[FIELD_RESPONSIBLE] = gk_save_with_merge_ids_value (responsible);
  values[FIELD_AUDIENCES] = gk_save_with_merge_ids_value (audiences);
  values[FIELD_CADENCE] = get_cadence (self);
}

/* Fills the form (not the reason: a reload or a merge keeps it). */
static void
gk_catalog_item_dialog_apply (GkCatalogItemDialog *self,
                              const char * const  *values)
{
  g_autoptr(GArray) responsible = gk_save_with_merge_ids_parse (values[FIELD_RESPONSIBLE]);
  g_autoptr(GArray) audiences = gk_save_with_merge_ids_parse (values[FIELD_AUDIENCES]);
  g_auto(GStrv) rules = g_strsplit (values[FIELD_CADENCE] != NULL ? values[FIELD_CADENCE] : "", ";", -1);

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->content_row), values[FIELD_CONTENT]);
  adw_combo_row_set_selected (self->category_row, values[FIELD_CATEGORY] != NULL
                                                  ? category_index (self, values[FIELD_CATEGORY])
                                                  : GTK_INVALID_LIST_POSITION);
  gtk_editable_set_text (GTK_EDITABLE (self->number_row), values[FIELD_NUMBER]);
  set_checked_ids (self->responsible, responsible);
  set_checked_ids (self->audiences, audiences);

  while (self->rules->len > 0)
    {
      Rule *rule = g_ptr_array_index (self->rules, 0);

      gtk_list_box_remove (self->rules_box, rule->row);
      g_ptr_array_remove_index (self->rules, 0);
    }
  for (guint i = 0; rules[i] != NULL; i++)
    if (*g_strstrip (rules[i]) != '\0')
      add_rule (self, rules[i]);
  self->filling = FALSE;

  gk_catalog_item_dialog_validate (self);
}

/* Reads the item as it is in the database now, as the base of the next
 * save, and fills the form with it. */
static gboolean
gk_catalog_item_dialog_fill (GkCatalogItemDialog *self,
                             GError             **error)
{
  char *values[N_FIELDS] = { NULL };

  if (!snapshot_read (self->db, self->item_id, &self->base, error))
    return FALSE;
  values_of_snapshot (&self->base, values);
  gk_catalog_item_dialog_apply (self, (const char * const *) values);
  values_clear (values);
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

static char *
check_names (GArray     *checks,
             const char *value)
{
  g_autoptr(GArray) ids = gk_save_with_merge_ids_parse (value);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint k = 0; k < ids->len; k++)
    for (guint i = 0; i < checks->len; i++)
      {
        Check *check = &g_array_index (checks, Check, i);

        if (check->id == g_array_index (ids, gint64, k))
          g_string_append_printf (names, "%s%s", names->len > 0 ? "、" : "",
                                  gtk_check_button_get_label (GTK_CHECK_BUTTON (check->check)));
      }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* A value as the form shows it. */
static char *
value_text (guint       field,
            const char *value,
            gpointer    user_data)
{
  GkCatalogItemDialog *self = user_data;

  switch ((ItemField) field)
    {
    case FIELD_RESPONSIBLE:
      return check_names (self->responsible, value);
    case FIELD_AUDIENCES:
      return check_names (self->audiences, value);
    case FIELD_CADENCE:
      return gk_cadence_describe (value);
    case FIELD_CONTENT:
    case FIELD_CATEGORY:
    case FIELD_NUMBER:
    case N_FIELDS:
    default:
      return g_strdup (value);
    }
}

static void
snapshot_free (Snapshot *snapshot)
{
  snapshot_clear (snapshot);
  g_free (snapshot);
}

static void
on_conflict_answer (GtkWindow          *window,
                    GkMergeAnswer       answer,
                    const char * const *values,
                    gpointer            theirs)
{
  GkCatalogItemDialog *self = GK_CATALOG_ITEM_DIALOG (window);
  Snapshot *now = theirs;

  /* Theirs is now the item a save changes and expects. */
  snapshot_clear (&self->base);
  self->base = *now;
  *now = (Snapshot) { 0 };

  gk_catalog_item_dialog_apply (self, values);
  if (answer == GK_MERGE_ANSWER_RELOAD)
    return;

  /* Theirs in every field: there is nothing left to save. */
  if (answer == GK_MERGE_ANSWER_ALL_THEIRS)
    {
      g_signal_emit (self, signals[SAVED], 0, self->item_id);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  gk_catalog_item_dialog_save (self);
}

static const GkMergeForm item_merge = {
  N_FIELDS, field_labels, value_text, on_conflict_answer,
};

/* Another desktop changed the item first: who and when, and field by
 * field what each side changed. The form keeps what was typed until the
 * user answers. */
static void
show_conflict (GkCatalogItemDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkAuditEntry) last = NULL;
  Snapshot *theirs = g_new0 (Snapshot, 1);
  char *base[N_FIELDS] = { NULL }, *mine[N_FIELDS] = { NULL }, *theirs_values[N_FIELDS] = { NULL };

  if (!snapshot_read (self->db, self->item_id, theirs, &error))
    {
      show_error (self, _("Could Not Read the Item"), error->message);
      snapshot_free (theirs);
      return;
    }
  last = gk_audit_query_last (self->db, "catalog-item", self->item_id, NULL);

  values_of_snapshot (&self->base, base);
  values_of_form (self, mine);
  values_of_snapshot (theirs, theirs_values);
  gk_save_with_merge_show_conflict (GTK_WINDOW (self), _("Someone Else Changed This Item"), &item_merge, last,
                                    base, mine, theirs_values, theirs, (GDestroyNotify) snapshot_free);
  values_clear (base);
  values_clear (mine);
  values_clear (theirs_values);
}

/* A save, written by a worker on a connection of its own. */
typedef struct
{
  gint64           person_id;
  gint64           catalog_id;
  gint64           item_id;      /* 0: a new item */
  gint64           row_version;
  GkCatalogChange  change;
  char            *content;
  char            *cadence;
  char            *reason;
  GArray          *responsible;
  GArray          *audiences;
  gint64           saved_id;
} ItemSave;

static void
item_save_free (ItemSave *save)
{
  g_free (save->content);
  g_free (save->cadence);
  g_free (save->reason);
  g_clear_pointer (&save->responsible, g_array_unref);
  g_clear_pointer (&save->audiences, g_array_unref);
  g_free (save);
}

static gboolean
item_save_write (GkDatabase  *db,
                 gpointer     data,
                 GError     **error)
{
  ItemSave *save = data;

  if (save->item_id == 0)
    {
      save->saved_id = gk_catalog_edit_add_item (db, save->person_id, save->catalog_id, &save->change,
                                                 save->reason, error);
      return save->saved_id > 0;
    }
  save->saved_id = save->item_id;
  return gk_catalog_edit_item (db, save->person_id, save->item_id, save->row_version,
                               &save->change, save->reason, error);
}

static void
on_item_saved (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GkCatalogItemDialog *self = user_data;
  ItemSave *save = gk_write_job_get_data (result);
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  gk_catalog_item_dialog_validate (self);

  if (!gk_write_job_finish (result, &error))
    {
      if (g_error_matches (error, GK_CORE_ERROR, GK_CORE_ERROR_CONFLICT))
        show_conflict (self);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Save the Item"), error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, save->saved_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
gk_catalog_item_dialog_save (GkCatalogItemDialog *self)
{
  g_autofree char *problem = gk_catalog_item_dialog_problem (self);
  g_autoptr(GError) error = NULL;
  GkCatalogItem *item = self->base.item;
  GkCatalogChange *change;
  gint64 category_id;
  ItemSave *save;

  if (problem != NULL || self->saving)
    return;

  category_id = gk_catalog_find_category (self->db, self->catalog_id, get_category (self), &error);
  if (category_id <= 0)
    {
      show_error (self, _("Could Not Save the Item"), error->message);
      return;
    }

  save = g_new0 (ItemSave, 1);
  save->person_id = self->person_id;
  save->catalog_id = self->catalog_id;
  save->item_id = item != NULL ? self->item_id : 0;
  save->row_version = self->base.row_version;
  save->content = get_trimmed (self->content_row);
  save->cadence = get_cadence (self);
  save->reason = get_trimmed (self->reason_row);
  save->responsible = ordered_ids (self->responsible, self->base.responsible);
  save->audiences = ordered_ids (self->audiences, self->base.audiences);

  /* A new item gives everything; a change only what differs. */
  change = &save->change;
  if (item == NULL || get_number (self) != gk_catalog_item_get_number (item))
    change->number = get_number (self);
  if (item == NULL || g_strcmp0 (get_category (self), gk_catalog_item_get_category (item)) != 0)
    change->category_id = category_id;
  if (item == NULL || g_strcmp0 (save->content, gk_catalog_item_get_content (item)) != 0)
    change->content = save->content;
  if (item == NULL || !same_ids (save->responsible, self->base.responsible))
    change->responsible = save->responsible;
  if (item == NULL || !same_ids (save->audiences, self->base.audiences))
    change->audiences = save->audiences;
  if (item == NULL || g_strcmp0 (save->cadence, gk_catalog_item_get_cadence (item)) != 0)
    change->cadence = save->cadence;

  self->saving = TRUE;
  gk_catalog_item_dialog_validate (self);
  gk_write_job_run (GTK_WIDGET (self->toast_overlay), self->db, _("Saving the item…"),
                    item_save_write, save, (GDestroyNotify) item_save_free, on_item_saved, self);
}

static void
gk_catalog_item_dialog_save_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  gk_catalog_item_dialog_save (GK_CATALOG_ITEM_DIALOG (widget));
}

/* The save under way reports back to this window. */
static gboolean
gk_catalog_item_dialog_close_request (GtkWindow *window)
{
  if (GK_CATALOG_ITEM_DIALOG (window)->saving)
    return TRUE;
  return GTK_WINDOW_CLASS (gk_catalog_item_dialog_parent_class)->close_request (window);
}

/* GObject */

static void
gk_catalog_item_dialog_dispose (GObject *object)
{
  GkCatalogItemDialog *self = GK_CATALOG_ITEM_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_CATALOG_ITEM_DIALOG);
  g_clear_object (&self->db);
  snapshot_clear (&self->base);

  G_OBJECT_CLASS (gk_catalog_item_dialog_parent_class)->dispose (object);
}

static void
gk_catalog_item_dialog_finalize (GObject *object)
{
  GkCatalogItemDialog *self = GK_CATALOG_ITEM_DIALOG (object);

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
  GTK_WINDOW_CLASS (klass)->close_request = gk_catalog_item_dialog_close_request;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/catalog/gk-catalog-item-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkCatalogItemDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogItemDialog, toast_overlay);
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
      title = g_strdup_printf (_("Item %u"), self->base.item != NULL ? gk_catalog_item_get_number (self->base.item) : 0);
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
