/* gk-notice-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "core/gk-audit-query.h"
#include "core/gk-catalog.h"
#include "core/gk-catalog-item.h"
#include "core/gk-choices.h"
#include "core/gk-core-error.h"
#include "core/gk-dates.h"
#include "core/gk-notices.h"
#include "core/gk-workflow.h"
#include "pdf/gk-notice-print.h"
#include "preview/gk-pdf-preview.h"
#include "gk-save-with-merge.h"
#include "gk-write-job.h"
#include "gk-application.h"
#include "gk-notice-editor.h"

/* The preview follows the typing once it pauses. */
#define PREVIEW_DELAY_MS 400

/* The plan's fields as a conflict compares them (gk-merge.h): text, the
 * lists as ids in ascending order. */
typedef enum
{
  PLAN_TITLE,
  PLAN_BODY,
  PLAN_DATE,
  PLAN_ITEM,
  PLAN_LAYOUT,
  PLAN_MAJOR,
  PLAN_AUDIENCES,
  PLAN_METHODS,
  N_PLAN_FIELDS
} PlanField;

static const char * const plan_field_labels[N_PLAN_FIELDS] = {
  N_("Title"),
  N_("Disclosed content"),
  N_("Publication date"),
  N_("Catalog item"),
  N_("Layout"),
  N_("Major or sensitive"),
  N_("Audiences"),
  N_("Methods"),
};

/* One organization, audience, method or catalog item the form offers. */
typedef struct
{
  gint64     id;
  char      *name;
  char      *extra;  /* an organization's short name, an audience's class, a method's channel */
  GtkWidget *check;  /* (unowned): audiences and methods */
} Choice;

static void
choice_free (Choice *choice)
{
  g_free (choice->name);
  g_free (choice->extra);
  g_free (choice);
}

struct _GkNoticeEditor
{
  AdwWindow             parent_instance;

  GkDatabase           *db;
  gint64                person_id;
  /* The notice as last read: its row_version is what a save expects,
   * its fields the base of a conflict's comparison. */
  GkNotice             *notice;
  char                 *base[N_PLAN_FIELDS];
  /* Signature, feedback channel and red-header fields of the printed
   * notice, which the form does not edit. */
  GkNoticeContent      *print_base;

  GPtrArray            *organizations;
  GArray               *item_ids;
  GPtrArray            *audiences;
  GPtrArray            *methods;

  guint                 preview_id;
  /* While the form is filled in by code, changes are not the user's. */
  gboolean              filling;
  gboolean              dirty;
  /* A save is being written (gk-write-job.h). */
  gboolean              saving;

  AdwWindowTitle       *window_title;
  GtkButton            *cancel_button;
  AdwToastOverlay      *toast_overlay;
  GtkLabel             *state_label;
  AdwEntryRow          *title_row;
  GtkLabel             *title_error;
  AdwComboRow          *organization_row;
  AdwComboRow          *item_row;
  AdwEntryRow          *date_row;
  GtkLabel             *date_error;
  GtkMenuButton        *calendar_button;
  GtkCalendar          *calendar;
  AdwComboRow          *layout_row;
  GtkSwitch            *major_switch;
  GtkTextView          *body_view;
  GtkFlowBox           *audiences_box;
  GtkLabel             *audiences_error;
  GtkFlowBox           *internal_methods_box;
  GtkFlowBox           *external_methods_box;
  GtkLabel             *methods_error;
  GkPdfPreview         *preview;
};

G_DEFINE_FINAL_TYPE (GkNoticeEditor, gk_notice_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The editor's rows from core's lists. An organization shows its full
 * name and keeps its short name (for the red header's number) as extra. */
static GPtrArray *
choices_from (GPtrArray *core,
              gboolean   organizations)
{
  GPtrArray *choices = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);

  for (guint i = 0; core != NULL && i < core->len; i++)
    {
      GkChoice *from = g_ptr_array_index (core, i);
      Choice *choice = g_new0 (Choice, 1);

      choice->id = from->id;
      choice->name = g_strdup (organizations ? from->detail : from->name);
      choice->extra = g_strdup (organizations ? from->name : from->detail);
      g_ptr_array_add (choices, choice);
    }
  return choices;
}

/* Rows that only carry an id, to tick check buttons with. */
static GPtrArray *
choices_of_ids (GArray *ids)
{
  GPtrArray *choices = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);

  for (guint i = 0; i < ids->len; i++)
    {
      Choice *choice = g_new0 (Choice, 1);

      choice->id = g_array_index (ids, gint64, i);
      g_ptr_array_add (choices, choice);
    }
  g_array_unref (ids);
  return choices;
}

static void
gk_notice_editor_show_error (GkNoticeEditor *self,
                             const char     *heading,
                             const char     *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
gk_notice_editor_get_body (GkNoticeEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
gk_notice_editor_get_title (GkNoticeEditor *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->title_row));
}

static const char *
gk_notice_editor_get_date (GkNoticeEditor *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->date_row));
}

static Choice *
gk_notice_editor_get_organization (GkNoticeEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->organization_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->organizations->len)
    return NULL;
  return g_ptr_array_index (self->organizations, selected);
}

static gint64
gk_notice_editor_get_item_id (GkNoticeEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->item_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->item_ids->len)
    return 0;
  return g_array_index (self->item_ids, gint64, selected);
}

static GkNoticeLayout
gk_notice_editor_get_layout (GkNoticeEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->layout_row);

  return selected <= GK_NOTICE_LAYOUT_A3 ? (GkNoticeLayout) selected : GK_NOTICE_LAYOUT_BULLETIN;
}

/* The ids of the checked choices, in the order of the list. */
static GArray *
checked_ids (GPtrArray *choices)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < choices->len; i++)
    {
      Choice *choice = g_ptr_array_index (choices, i);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (choice->check)))
        g_array_append_val (ids, choice->id);
    }
  return ids;
}

static void
set_checked_ids (GPtrArray *choices,
                 GPtrArray *checked)
{
  for (guint i = 0; i < choices->len; i++)
    {
      Choice *choice = g_ptr_array_index (choices, i);
      gboolean active = FALSE;

      for (guint k = 0; checked != NULL && k < checked->len && !active; k++)
        active = ((Choice *) g_ptr_array_index (checked, k))->id == choice->id;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (choice->check), active);
    }
}

static char *
checked_names (GPtrArray *choices)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < choices->len; i++)
    {
      Choice *choice = g_ptr_array_index (choices, i);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (choice->check)))
        g_string_append_printf (names, "%s%s", names->len > 0 ? "、" : "", choice->name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Inline validation: each problem is shown beside its field, and Save
 * stays disabled while there is one. */
static gboolean
gk_notice_editor_validate (GkNoticeEditor *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gk_notice_editor_get_title (self)));
  g_autoptr(GArray) audience_ids = checked_ids (self->audiences);
  g_autoptr(GArray) method_ids = checked_ids (self->methods);
  gboolean title_ok = *title != '\0';
  gboolean date_ok = gk_date_parse (gk_notice_editor_get_date (self), &(GDate) { 0 }, NULL);
  gboolean organization_ok = gk_notice_editor_get_organization (self) != NULL;
  gboolean valid;

  gtk_widget_set_visible (GTK_WIDGET (self->title_error), !title_ok);
  gtk_widget_set_visible (GTK_WIDGET (self->date_error), !date_ok);
  gtk_widget_set_visible (GTK_WIDGET (self->audiences_error), audience_ids->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->methods_error), method_ids->len == 0);

  if (title_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
  if (date_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");

  valid = title_ok && date_ok && organization_ok && audience_ids->len > 0 && method_ids->len > 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", valid && !self->saving);
  return valid;
}

/* The notice as the form would print it now: a draft, signed by the
 * organization. */
static GkNoticeContent *
gk_notice_editor_build_content (GkNoticeEditor *self)
{
  GkNoticeContent *content = gk_notice_content_copy (self->print_base);
  Choice *organization = gk_notice_editor_get_organization (self);

  g_free (content->title);
  content->title = g_strdup (gk_notice_editor_get_title (self));
  g_free (content->body);
  content->body = gk_notice_editor_get_body (self);
  g_free (content->audiences);
  content->audiences = checked_names (self->audiences);
  if (!gk_date_parse (gk_notice_editor_get_date (self), &content->date, NULL))
    g_date_clear (&content->date, 1);
  g_clear_pointer (&content->verification, g_free);
  content->draft = TRUE;

  /* A new plan may still change its organization, and with it the
   * signature and the red header, as the preferences word them; a saved
   * one keeps the numbering gk_notice_print_content() gave it. */
  if (self->notice == NULL && organization != NULL)
    {
      guint year = g_date_valid (&content->date) ? g_date_get_year (&content->date) : 0;

      gk_notice_print_set_organization (self->db, content, organization->id,
                                        gk_notices_sequence_in_year (self->db, organization->id, year, 0));
    }
  return content;
}

static gboolean
on_preview_timeout (gpointer user_data)
{
  GkNoticeEditor *self = user_data;
  g_autoptr(GkNoticeContent) content = NULL;

  self->preview_id = 0;
  content = gk_notice_editor_build_content (self);
  gk_pdf_preview_set_content (self->preview, content, gk_notice_editor_get_layout (self));
  return G_SOURCE_REMOVE;
}

static void
gk_notice_editor_queue_preview (GkNoticeEditor *self)
{
  g_clear_handle_id (&self->preview_id, g_source_remove);
  self->preview_id = g_timeout_add (PREVIEW_DELAY_MS, on_preview_timeout, self);
}

static void
on_form_changed (GkNoticeEditor *self)
{
  if (self->filling)
    return;

  self->dirty = TRUE;
  gk_notice_editor_validate (self);
  gk_notice_editor_queue_preview (self);
}

/* A new plan for a catalog item starts with the item's audiences. */
static void
on_item_selected (GkNoticeEditor *self)
{
  g_autoptr(GArray) checked = NULL;
  g_autoptr(GPtrArray) item_audiences = NULL;
  gint64 item_id;

  if (self->filling)
    return;

  checked = checked_ids (self->audiences);
  item_id = gk_notice_editor_get_item_id (self);
  if (self->notice == NULL && checked->len == 0 && item_id > 0)
    {
      item_audiences = choices_of_ids (gk_choices_item_audiences (self->db, item_id));
      self->filling = TRUE;
      set_checked_ids (self->audiences, item_audiences);
      self->filling = FALSE;
    }
  on_form_changed (self);
}

static void
on_calendar_shown (GkNoticeEditor *self)
{
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  if (gk_date_parse (gk_notice_editor_get_date (self), &date, NULL))
    day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                 g_date_get_day (&date), 0, 0, 0);
  else
    day = g_date_time_new_now_local ();

  self->filling = TRUE;
  gtk_calendar_select_day (self->calendar, day);
  self->filling = FALSE;
}

static void
on_day_selected (GkNoticeEditor *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = NULL;

  if (self->filling)
    return;

  day = gtk_calendar_get_date (self->calendar);
  text = g_date_time_format (day, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
  gtk_menu_button_popdown (self->calendar_button);
}

/* The plan is Simplified Chinese whatever the interface language: without
 * the tag, fontconfig may pick a Japanese or Traditional face for it. */
static void
on_body_changed (GkNoticeEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_apply_tag_by_name (buffer, "zh-cn", &start, &end);
  on_form_changed (self);
}

static void
add_checks (GkNoticeEditor *self,
            GPtrArray      *choices,
            GtkFlowBox     *box,
            const char     *extra)
{
  for (guint i = 0; i < choices->len; i++)
    {
      Choice *choice = g_ptr_array_index (choices, i);

      if (extra != NULL && g_strcmp0 (choice->extra, extra) != 0)
        continue;

      choice->check = gtk_check_button_new_with_label (choice->name);
      g_signal_connect_swapped (choice->check, "toggled", G_CALLBACK (on_form_changed), self);
      gtk_flow_box_append (box, choice->check);
    }
}

/* Catalog items are long sentences: in the list they wrap rather than
 * being cut after a few characters. */
static void
on_item_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_list_item_set_child (list_item, label);
}

static void
on_item_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), gtk_string_object_get_string (item));
}

/* Reads the lists the form offers. A failure leaves a list empty and
 * says why: the form then cannot be saved, but nothing is lost. */
static void
gk_notice_editor_load_choices (GkNoticeEditor *self)
{
  g_autoptr(GtkStringList) organization_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) item_names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GError) error = NULL;
  gint64 catalog_id, none = 0;

  if (self->notice != NULL)
    {
      /* A plan keeps its organization: only it is offered. */
      Choice *choice = g_new0 (Choice, 1);

      choice->id = gk_notice_get_organization_id (self->notice);
      choice->name = g_strdup (self->print_base->signature != NULL ? self->print_base->signature
                                                                   : gk_notice_get_organization (self->notice));
      choice->extra = g_strdup (gk_notice_get_organization (self->notice));
      self->organizations = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);
      g_ptr_array_add (self->organizations, choice);
    }
  else
    {
      g_autoptr(GPtrArray) organizations = gk_choices_proposable_organizations (self->db, self->person_id, &error);

      if (organizations == NULL)
        {
          g_warning ("%s", error->message);
          g_clear_error (&error);
        }
      self->organizations = choices_from (organizations, TRUE);
    }
  for (guint i = 0; i < self->organizations->len; i++)
    gtk_string_list_append (organization_names, ((Choice *) g_ptr_array_index (self->organizations, i))->name);
  adw_combo_row_set_model (self->organization_row, G_LIST_MODEL (organization_names));
  gtk_widget_set_sensitive (GTK_WIDGET (self->organization_row), self->notice == NULL);
  if (self->organizations->len == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->organization_row),
                                 _("You may not propose a plan for any organization"));

  self->item_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->item_ids, none);
  gtk_string_list_append (item_names, _("None"));
  catalog_id = gk_catalog_get_default (self->db, &error);
  if (catalog_id > 0)
    items = gk_catalog_list_items (self->db, catalog_id, &error);
  if (items == NULL)
    g_warning ("Could not read the catalog: %s", error->message);
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GkCatalogItem) item = g_list_model_get_item (items, i);
      g_autofree char *label = NULL;
      gint64 id = gk_catalog_item_get_id (item);

      if (!gk_catalog_item_get_active (item))
        continue;
      label = g_strdup_printf ("%u %s", gk_catalog_item_get_number (item), gk_catalog_item_get_content (item));
      gtk_string_list_append (item_names, label);
      g_array_append_val (self->item_ids, id);
    }
  adw_combo_row_set_model (self->item_row, G_LIST_MODEL (item_names));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_item_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_item_bind), NULL);
  adw_combo_row_set_list_factory (self->item_row, factory);

  {
    g_autoptr(GPtrArray) audiences = gk_choices_audiences (self->db, NULL);
    g_autoptr(GPtrArray) methods = gk_choices_methods (self->db, NULL);

    self->audiences = choices_from (audiences, FALSE);
    self->methods = choices_from (methods, FALSE);
  }
  add_checks (self, self->audiences, self->audiences_box, NULL);

  add_checks (self, self->methods, self->internal_methods_box, "internal");
  add_checks (self, self->methods, self->external_methods_box, "external");
}

static void
select_item (AdwComboRow *row,
             GArray      *ids,
             gint64       id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  adw_combo_row_set_selected (row, 0);
}

/* The layout of a new plan: the preferences' default-layout. */
static GkNoticeLayout
default_layout (void)
{
  GApplication *app = g_application_get_default ();
  GSettings *settings = GK_IS_APPLICATION (app) ? gk_application_get_settings (GK_APPLICATION (app)) : NULL;
  g_autofree char *nick = settings != NULL ? g_settings_get_string (settings, "default-layout") : NULL;
  GkNoticeLayout layout = GK_NOTICE_LAYOUT_BULLETIN;

  if (nick != NULL)
    gk_notice_layout_from_string (nick, &layout);
  return layout;
}

/* Fills the form from NOTICE, or with a new plan's defaults. */
static void
gk_notice_editor_fill (GkNoticeEditor *self,
                       GkNotice       *notice,
                       gint64          preset_item_id)
{
  g_autoptr(GPtrArray) audiences = NULL;
  g_autoptr(GPtrArray) methods = NULL;
  g_autofree char *today = NULL;
  GkNoticeLayout layout = GK_NOTICE_LAYOUT_BULLETIN;

  self->filling = TRUE;

  if (notice != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), gk_notice_get_title (notice));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), gk_notice_get_body (notice), -1);
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), gk_notice_get_planned_date (notice));
      select_item (self->item_row, self->item_ids, gk_notice_get_item_id (notice));
      adw_combo_row_set_selected (self->organization_row, 0);
      gk_notice_layout_from_string (gk_notice_get_layout (notice), &layout);
      gtk_switch_set_active (self->major_switch, gk_notice_get_major (notice));
      audiences = choices_of_ids (gk_choices_notice_audiences (self->db, gk_notice_get_id (notice)));
      methods = choices_of_ids (gk_choices_notice_methods (self->db, gk_notice_get_id (notice)));
    }
  else
    {
      today = gk_date_today_iso ();
      layout = default_layout ();
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
      select_item (self->item_row, self->item_ids, preset_item_id);
      if (preset_item_id > 0)
        audiences = choices_of_ids (gk_choices_item_audiences (self->db, preset_item_id));
    }
  adw_combo_row_set_selected (self->layout_row, layout);
  set_checked_ids (self->audiences, audiences);
  set_checked_ids (self->methods, methods);

  self->filling = FALSE;
  self->dirty = FALSE;

  gk_notice_editor_validate (self);
  g_clear_handle_id (&self->preview_id, g_source_remove);
  on_preview_timeout (self);
}

/* What the signature and the red header print, from the database; for a
 * new plan they follow the organization chosen (see build_content). */
static void
gk_notice_editor_load_print_base (GkNoticeEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_clear_pointer (&self->print_base, gk_notice_content_free);
  if (self->notice != NULL)
    self->print_base = gk_notice_print_content (self->db, self->notice, &error);
  if (self->print_base != NULL)
    return;

  if (error != NULL)
    g_warning ("Could not prepare the printed notice: %s", error->message);
  self->print_base = gk_notice_content_new ();
  self->print_base->feedback = gk_database_get_setting (self->db, GK_SETTING_FEEDBACK_CHANNEL);
}

/* The title, the Cancel/Close label and the warning for a plan already
 * under way follow whether the plan exists and what state it is in. */
static void
gk_notice_editor_update_header (GkNoticeEditor *self,
                                gboolean        saved)
{
  const char *state = self->notice != NULL ? gk_notice_get_state (self->notice) : "draft";
  gboolean under_way = !g_str_equal (state, "draft") && !g_str_equal (state, "returned");

  adw_window_title_set_title (self->window_title, self->notice != NULL ? _("Edit Plan") : _("New Plan"));
  /* What the window is called for a screen reader and the window list. */
  gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->window_title));
  adw_window_title_set_subtitle (self->window_title,
                                 self->notice != NULL ? gk_notice_state_describe (state) : NULL);
  gtk_button_set_label (self->cancel_button, saved ? _("_Close") : _("_Cancel"));

  gtk_widget_set_visible (GTK_WIDGET (self->state_label), under_way);
  if (under_way)
    {
      g_autofree char *text = NULL;

      /* Translators: %s is the plan's state, e.g. “Approved, awaiting publication” */
      text = g_strdup_printf (_("This plan is “%s”. Saving a change voids its review and approval and returns it to draft."),
                              gk_notice_state_describe (state));
      gtk_label_set_text (self->state_label, text);
    }
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Audiences and methods are sets: sorted, a new order is no change. */
static char *
ids_value (GArray *ids)
{
  g_autoptr(GArray) sorted = g_array_copy (ids);

  g_array_sort (sorted, compare_ids);
  return gk_save_with_merge_ids_value (sorted);
}

/* NOTICE's fields as they are in the database now. */
static void
plan_values_of_notice (GkNoticeEditor *self,
                       GkNotice       *notice,
                       char          **values)
{
  g_autoptr(GArray) audiences = gk_choices_notice_audiences (self->db, gk_notice_get_id (notice));
  g_autoptr(GArray) methods = gk_choices_notice_methods (self->db, gk_notice_get_id (notice));

  values[PLAN_TITLE] = g_strdup (gk_notice_get_title (notice));
  values[PLAN_BODY] = g_strdup (gk_notice_get_body (notice));
  values[PLAN_DATE] = g_strdup (gk_notice_get_planned_date (notice));
  values[PLAN_ITEM] = g_strdup_printf ("%" G_GINT64_FORMAT, gk_notice_get_item_id (notice));
  values[PLAN_LAYOUT] = g_strdup (gk_notice_get_layout (notice));
  values[PLAN_MAJOR] = g_strdup (gk_notice_get_major (notice) ? "1" : "0");
  values[PLAN_AUDIENCES] = audiences != NULL ? ids_value (audiences) : g_strdup ("");
  values[PLAN_METHODS] = methods != NULL ? ids_value (methods) : g_strdup ("");
}

/* The fields as typed. */
static void
plan_values_of_form (GkNoticeEditor *self,
                     char          **values)
{
  g_autoptr(GArray) audiences = checked_ids (self->audiences);
  g_autoptr(GArray) methods = checked_ids (self->methods);

  values[PLAN_TITLE] = g_strdup (gk_notice_editor_get_title (self));
  values[PLAN_BODY] = gk_notice_editor_get_body (self);
  values[PLAN_DATE] = g_strdup (gk_notice_editor_get_date (self));
  values[PLAN_ITEM] = g_strdup_printf ("%" G_GINT64_FORMAT, gk_notice_editor_get_item_id (self));
  values[PLAN_LAYOUT] = g_strdup (gk_notice_layout_to_string (gk_notice_editor_get_layout (self)));
  values[PLAN_MAJOR] = g_strdup (gtk_switch_get_active (self->major_switch) ? "1" : "0");
  values[PLAN_AUDIENCES] = ids_value (audiences);
  values[PLAN_METHODS] = ids_value (methods);
}

static void
plan_values_clear (char **values)
{
  for (guint i = 0; i < N_PLAN_FIELDS; i++)
    g_clear_pointer (&values[i], g_free);
}

/* Puts merged values into the form, as if typed. */
static void
plan_values_apply (GkNoticeEditor     *self,
                   const char * const *values)
{
  g_autoptr(GPtrArray) audiences = choices_of_ids (gk_save_with_merge_ids_parse (values[PLAN_AUDIENCES]));
  g_autoptr(GPtrArray) methods = choices_of_ids (gk_save_with_merge_ids_parse (values[PLAN_METHODS]));
  GkNoticeLayout layout = GK_NOTICE_LAYOUT_BULLETIN;

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), values[PLAN_TITLE]);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), values[PLAN_BODY], -1);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), values[PLAN_DATE]);
  select_item (self->item_row, self->item_ids, g_ascii_strtoll (values[PLAN_ITEM], NULL, 10));
  gk_notice_layout_from_string (values[PLAN_LAYOUT], &layout);
  adw_combo_row_set_selected (self->layout_row, layout);
  gtk_switch_set_active (self->major_switch, g_strcmp0 (values[PLAN_MAJOR], "1") == 0);
  set_checked_ids (self->audiences, audiences);
  set_checked_ids (self->methods, methods);
  self->filling = FALSE;

  self->dirty = TRUE;
  gk_notice_editor_validate (self);
  gk_notice_editor_queue_preview (self);
}

static char *
choice_names (GPtrArray  *choices,
              const char *value)
{
  g_autoptr(GArray) ids = gk_save_with_merge_ids_parse (value);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < choices->len; i++)
    {
      Choice *choice = g_ptr_array_index (choices, i);

      for (guint k = 0; k < ids->len; k++)
        if (g_array_index (ids, gint64, k) == choice->id)
          g_string_append_printf (names, "%s%s", names->len > 0 ? "、" : "", choice->name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
combo_text (AdwComboRow *row,
            guint        position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (adw_combo_row_get_model (row), position);

  return g_strdup (item != NULL ? gtk_string_object_get_string (item) : "");
}

/* A value as the form shows it. */
static char *
plan_value_text (guint       field,
                 const char *value,
                 gpointer    user_data)
{
  GkNoticeEditor *self = user_data;
  GkNoticeLayout layout = GK_NOTICE_LAYOUT_BULLETIN;
  gint64 item_id;

  switch ((PlanField) field)
    {
    case PLAN_ITEM:
      item_id = g_ascii_strtoll (value, NULL, 10);
      for (guint i = 0; i < self->item_ids->len; i++)
        if (g_array_index (self->item_ids, gint64, i) == item_id)
          return combo_text (self->item_row, i);
      return g_strdup (value);
    case PLAN_LAYOUT:
      gk_notice_layout_from_string (value, &layout);
      return combo_text (self->layout_row, layout);
    case PLAN_MAJOR:
      return g_strdup (g_strcmp0 (value, "1") == 0 ? _("Yes") : _("No"));
    case PLAN_AUDIENCES:
      return choice_names (self->audiences, value);
    case PLAN_METHODS:
      return choice_names (self->methods, value);
    case PLAN_TITLE:
    case PLAN_BODY:
    case PLAN_DATE:
    case N_PLAN_FIELDS:
    default:
      return g_strdup (value);
    }
}

/* NOTICE becomes what a save expects and a conflict compares with. */
static void
gk_notice_editor_set_notice (GkNoticeEditor *self,
                             GkNotice       *notice)
{
  g_set_object (&self->notice, notice);
  plan_values_clear (self->base);
  if (notice != NULL)
    plan_values_of_notice (self, notice, self->base);
}

static void
gk_notice_editor_show_warnings (GkNoticeEditor *self,
                                GPtrArray      *warnings)
{
  for (guint i = 0; i < warnings->len; i++)
    {
      AdwToast *toast = adw_toast_new (g_ptr_array_index (warnings, i));

      adw_toast_set_timeout (toast, 0);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void gk_notice_editor_save (GkNoticeEditor *self);

static void
on_conflict_answer (GtkWindow          *window,
                    GkMergeAnswer       answer,
                    const char * const *values,
                    gpointer            theirs)
{
  GkNoticeEditor *self = GK_NOTICE_EDITOR (window);

  /* Theirs is now the plan a save expects. */
  gk_notice_editor_set_notice (self, theirs);
  gk_notice_editor_load_print_base (self);
  gk_notice_editor_update_header (self, FALSE);

  if (answer == GK_MERGE_ANSWER_RELOAD)
    {
      gk_notice_editor_fill (self, theirs, 0);
      return;
    }

  plan_values_apply (self, values);
  /* Theirs in every field: there is nothing left to save. */
  if (answer == GK_MERGE_ANSWER_ALL_THEIRS)
    {
      self->dirty = FALSE;
      g_signal_emit (self, signals[SAVED], 0, gk_notice_get_id (self->notice));
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  gk_notice_editor_save (self);
}

static const GkMergeForm plan_merge = {
  N_PLAN_FIELDS, plan_field_labels, plan_value_text, on_conflict_answer,
};

/* Another desktop saved the plan first: who and when, and field by field
 * what each side changed since the form was opened. Until the user
 * answers, the form keeps exactly what was typed. */
static void
gk_notice_editor_show_conflict (GkNoticeEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkAuditEntry) last = NULL;
  GkNotice *theirs;
  char *mine[N_PLAN_FIELDS] = { NULL }, *theirs_values[N_PLAN_FIELDS] = { NULL };

  theirs = gk_notices_get (self->db, gk_notice_get_id (self->notice), &error);
  if (theirs == NULL)
    {
      gk_notice_editor_show_error (self, _("Could Not Read the Plan"), error->message);
      return;
    }
  last = gk_audit_query_last (self->db, "notice", gk_notice_get_id (self->notice), NULL);

  plan_values_of_form (self, mine);
  plan_values_of_notice (self, theirs, theirs_values);
  gk_save_with_merge_show_conflict (GTK_WINDOW (self), _("Someone Else Changed This Plan"), &plan_merge, last,
                                    self->base, mine, theirs_values, theirs, g_object_unref);
  plan_values_clear (mine);
  plan_values_clear (theirs_values);
}

/* A save, written by a worker on a connection of its own: the plan with
 * its own copies of what the form holds, and what the save returns. */
typedef struct
{
  gint64        person_id;
  gint64        notice_id;      /* 0: a new plan */
  gint64        row_version;
  GkNoticePlan  plan;
  char         *title;
  char         *body;
  char         *date;
  GArray       *audience_ids;
  GArray       *method_ids;
  gint64        saved_id;
  GPtrArray    *warnings;
} PlanSave;

static void
plan_save_free (PlanSave *save)
{
  g_free (save->title);
  g_free (save->body);
  g_free (save->date);
  g_clear_pointer (&save->audience_ids, g_array_unref);
  g_clear_pointer (&save->method_ids, g_array_unref);
  g_clear_pointer (&save->warnings, g_ptr_array_unref);
  g_free (save);
}

static gboolean
plan_save_write (GkDatabase  *db,
                 gpointer     data,
                 GError     **error)
{
  PlanSave *save = data;

  if (save->notice_id > 0)
    {
      if (!gk_workflow_edit (db, save->person_id, save->notice_id, save->row_version,
                             &save->plan, &save->warnings, error))
        return FALSE;
      save->saved_id = save->notice_id;
      return TRUE;
    }
  save->saved_id = gk_workflow_create (db, save->person_id, &save->plan, &save->warnings, error);
  return save->saved_id != 0;
}

static void
on_plan_saved (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GkNoticeEditor *self = user_data;
  PlanSave *save = gk_write_job_get_data (result);
  g_autoptr(GkNotice) saved = NULL;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  gk_notice_editor_validate (self);

  if (!gk_write_job_finish (result, &error))
    {
      if (g_error_matches (error, GK_CORE_ERROR, GK_CORE_ERROR_CONFLICT))
        gk_notice_editor_show_conflict (self);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gk_notice_editor_show_error (self, _("Could Not Save the Plan"), error->message);
      return;
    }

  self->dirty = FALSE;
  g_signal_emit (self, signals[SAVED], 0, save->saved_id);

  if (save->warnings == NULL || save->warnings->len == 0)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  /* Saved, but worth a second look: the plan stays open, now as the
   * saved notice, with the warnings over it. */
  saved = gk_notices_get (self->db, save->saved_id, &error);
  if (saved == NULL)
    {
      gk_notice_editor_show_error (self, _("Could Not Read the Plan"), error->message);
      return;
    }
  gk_notice_editor_set_notice (self, saved);
  gk_notice_editor_load_print_base (self);
  gk_notice_editor_update_header (self, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->organization_row), FALSE);
  gk_notice_editor_show_warnings (self, save->warnings);
}

static void
gk_notice_editor_save (GkNoticeEditor *self)
{
  Choice *organization = gk_notice_editor_get_organization (self);
  PlanSave *save;

  if (self->saving || !gk_notice_editor_validate (self) || organization == NULL)
    return;

  save = g_new0 (PlanSave, 1);
  save->person_id = self->person_id;
  save->title = g_strdup (gk_notice_editor_get_title (self));
  save->body = gk_notice_editor_get_body (self);
  save->date = g_strdup (gk_notice_editor_get_date (self));
  save->audience_ids = checked_ids (self->audiences);
  save->method_ids = checked_ids (self->methods);
  save->plan = (GkNoticePlan) {
    .organization_id = organization->id,
    .item_id = gk_notice_editor_get_item_id (self),
    .title = save->title,
    .body = save->body,
    .audience_ids = save->audience_ids,
    .planned_date = save->date,
    .method_ids = save->method_ids,
    .layout = gk_notice_layout_to_string (gk_notice_editor_get_layout (self)),
    .major = gtk_switch_get_active (self->major_switch),
  };
  if (self->notice != NULL)
    {
      save->notice_id = gk_notice_get_id (self->notice);
      save->row_version = gk_notice_get_row_version (self->notice);
    }

  self->saving = TRUE;
  gk_notice_editor_validate (self);
  gk_write_job_run (GTK_WIDGET (self->toast_overlay), self->db, _("Saving the plan…"),
                    plan_save_write, save, (GDestroyNotify) plan_save_free,
                    on_plan_saved, self);
}

static void
gk_notice_editor_save_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  gk_notice_editor_save (GK_NOTICE_EDITOR (widget));
}

static void
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     GkNoticeEditor   *self)
{
  if (!g_str_equal (response, "discard"))
    return;

  self->dirty = FALSE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
gk_notice_editor_close_request (GtkWindow *window)
{
  GkNoticeEditor *self = GK_NOTICE_EDITOR (window);
  GtkWidget *dialog;

  /* The save under way reports back to this window. */
  if (self->saving)
    return TRUE;
  if (!self->dirty)
    return GTK_WINDOW_CLASS (gk_notice_editor_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Discard Changes?"),
                                   _("The changes to this plan have not been saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
gk_notice_editor_dispose (GObject *object)
{
  GkNoticeEditor *self = GK_NOTICE_EDITOR (object);

  g_clear_handle_id (&self->preview_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_NOTICE_EDITOR);

  G_OBJECT_CLASS (gk_notice_editor_parent_class)->dispose (object);
}

static void
gk_notice_editor_finalize (GObject *object)
{
  GkNoticeEditor *self = GK_NOTICE_EDITOR (object);

  g_clear_object (&self->db);
  g_clear_object (&self->notice);
  plan_values_clear (self->base);
  g_clear_pointer (&self->print_base, gk_notice_content_free);
  g_clear_pointer (&self->organizations, g_ptr_array_unref);
  g_clear_pointer (&self->item_ids, g_array_unref);
  g_clear_pointer (&self->audiences, g_ptr_array_unref);
  g_clear_pointer (&self->methods, g_ptr_array_unref);

  G_OBJECT_CLASS (gk_notice_editor_parent_class)->finalize (object);
}

static void
gk_notice_editor_class_init (GkNoticeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gk_notice_editor_dispose;
  object_class->finalize = gk_notice_editor_finalize;
  window_class->close_request = gk_notice_editor_close_request;

  /**
   * GkNoticeEditor::saved:
   * @notice_id: the id of the notice created or changed
   */
  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (GK_TYPE_PDF_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gongkai/Gongkai/inbox/gk-notice-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GkNoticeEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, GkNoticeEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GkNoticeEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GkNoticeEditor, state_label);
  gtk_widget_class_bind_template_child (widget_class, GkNoticeEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, GkNoticeEditor, title_error);
  gtk_widget_class_bind_template_child (widget_class, GkNoticeEditor, organization_row);
  gtk_widget_class_bind_template_child (widget_class, GkNoticeEditor, item_row);
  gtk_widget_class_bind_template_child (widget_class, GkNoticeEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, GkNoticeEditor, date_error);
  gtk_widget_class_bind_template_child (widget_class, GkNoticeEditor, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, GkNoticeEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, GkNoticeEditor, layout_row);
  gtk_widget_class_bind_template_child (widget_class, GkNoticeEditor, major_switch);
  gtk_widget_class_bind_template_child (widget_class, GkNoticeEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, GkNoticeEditor, audiences_box);
  gtk_widget_class_bind_template_child (widget_class, GkNoticeEditor, audiences_error);
  gtk_widget_class_bind_template_child (widget_class, GkNoticeEditor, internal_methods_box);
  gtk_widget_class_bind_template_child (widget_class, GkNoticeEditor, external_methods_box);
  gtk_widget_class_bind_template_child (widget_class, GkNoticeEditor, methods_error);
  gtk_widget_class_bind_template_child (widget_class, GkNoticeEditor, preview);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_item_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_shown);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, gk_notice_editor_save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gk_notice_editor_init (GkNoticeEditor *self)
{
  GtkTextBuffer *buffer;

  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->body_view);
  gtk_text_buffer_create_tag (buffer, "zh-cn", "language", "zh-cn", NULL);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (on_body_changed), self);
}

GtkWidget *
gk_notice_editor_new (GtkWindow  *parent,
                      GkDatabase *db,
                      gint64      person_id,
                      GkNotice   *notice_or_null,
                      gint64      preset_item_id)
{
  GkNoticeEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (notice_or_null == NULL || GK_IS_NOTICE (notice_or_null), NULL);

  self = g_object_new (GK_TYPE_NOTICE_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->db = g_object_ref (db);
  self->person_id = person_id;
  gk_notice_editor_set_notice (self, notice_or_null);

  gk_notice_editor_load_print_base (self);
  gk_notice_editor_load_choices (self);
  gk_notice_editor_update_header (self, FALSE);
  gk_notice_editor_fill (self, notice_or_null, preset_item_id);

  return GTK_WIDGET (self);
}

void
gk_notice_editor_set_plan_text (GkNoticeEditor *self,
                                const char     *title,
                                const char     *body)
{
  g_return_if_fail (GK_IS_NOTICE_EDITOR (self));

  if (title != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
  if (body != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), body, -1);
}
