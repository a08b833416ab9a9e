/* gk-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "core/gk-backups.h"
#include "core/gk-dashboard.h"
#include "core/gk-dates.h"
#include "core/gk-directory.h"
#include "core/gk-notices.h"
#include "pdf/gk-fonts.h"
#include "pdf/gk-notice-print.h"
#include "gk-a11y.h"
#include "gk-write-job.h"
#include "gk-preferences-window.h"

/* Spin buttons write when the user has stopped changing them for this
 * long (and on close), so that holding an arrow makes one audit event. */
#define NUMBER_DELAY_MS 800
#define SAMPLE_SIZE 14

#define DEADLINE_KEY  "application-deadline-days"
#define EXTENSION_KEY "application-extension-days"

typedef struct
{
  AdwActionRow  *row;
  GtkFontButton *button;
  GtkLabel      *sample;
  GtkWidget     *reset;
} FontRow;

struct _GkPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GkDatabase           *db;
  GSettings            *settings;
  gint64                example_org;

  AdwPreferencesGroup  *issuer_group;
  AdwEntryRow          *issuer_row;
  AdwEntryRow          *doc_number_row;
  AdwEntryRow          *signature_row;
  AdwActionRow         *example_row;
  AdwEntryRow          *feedback_row;
  AdwPreferencesGroup  *layout_group;
  AdwComboRow          *layout_row;
  AdwComboRow          *paper_row;
  AdwPreferencesGroup  *fonts_group;
  AdwPreferencesGroup  *deadlines_group;
  AdwPreferencesGroup  *backups_group;
  GtkSpinButton        *deadline_spin;
  GtkSpinButton        *extension_spin;
  GtkSpinButton        *stuck_spin;
  GtkSpinButton        *retention_spin;

  FontRow               fonts[GK_FONT_N_ROLES];
  guint                 number_id;
  /* Filling the controls from the stored values: not a user's change. */
  gboolean              loading;
};

G_DEFINE_FINAL_TYPE (GkPreferencesWindow, gk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const layout_nicks[] = { "bulletin", "redhead", "a3", NULL };
static const char * const paper_nicks[] = { "a4", "a3", NULL };

/* What each role prints, and a line of it to see the font by. The samples
 * are Chinese whatever the interface language: notices are. */
static const struct {
  const char *title;
  const char *sample;
} font_roles[GK_FONT_N_ROLES] = {
  [GK_FONT_ROLE_TITLE] = { N_("Title and Red Header"), "关于公开2026年党费收缴情况的通知" },
  [GK_FONT_ROLE_BODY] = { N_("Body Text"), "根据党务公开有关规定，现将有关情况公开如下。" },
  [GK_FONT_ROLE_HEADING1] = { N_("First-Level Headings"), "一、党费收缴情况" },
  [GK_FONT_ROLE_HEADING2] = { N_("Second-Level Headings"), "（一）收缴范围和标准" },
  [GK_FONT_ROLE_PAGE_NUMBER] = { N_("Page Numbers"), "— 1 — 2026年7月10日" },
};

static char *
font_key (GkFontRole role)
{
  return g_strconcat ("font-", gk_font_role_to_string (role), NULL);
}

static void
gk_preferences_window_show_error (GkPreferencesWindow *self,
                                  const GError        *error)
{
  /* Translators: a toast; %s says why, e.g. that another computer holds the file */
  g_autofree char *title = g_strdup_printf (_("Not saved: %s"), error->message);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* The setting a text row edits, set in init. */
static const char *
row_key (AdwEntryRow *row)
{
  return g_object_get_data (G_OBJECT (row), "gk-setting-key");
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* The red header, number and signature as the rows would print them now,
 * for a new notice of a real organization of this database. */
static void
gk_preferences_window_update_example (GkPreferencesWindow *self)
{
  g_autoptr(GkNoticeContent) content = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;
  guint year;

  if (self->db == NULL || self->example_org <= 0)
    {
      adw_action_row_set_subtitle (self->example_row, "");
      return;
    }

  now = g_date_time_new_now_local ();
  year = g_date_time_get_year (now);
  content = gk_notice_content_new ();
  g_date_set_dmy (&content->date, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), year);
  gk_notice_print_apply_patterns (self->db, content, self->example_org,
                                  gk_notices_sequence_in_year (self->db, self->example_org, year, 0),
                                  gtk_editable_get_text (GTK_EDITABLE (self->issuer_row)),
                                  gtk_editable_get_text (GTK_EDITABLE (self->doc_number_row)),
                                  gtk_editable_get_text (GTK_EDITABLE (self->signature_row)));
  /* Translators: the live example of the issuer settings, one line each */
  text = g_strdup_printf (_("Red header: %s\nDocument number: %s\nSignature: %s"),
                          content->issuer, content->doc_number, content->signature);
  adw_action_row_set_subtitle (self->example_row, text);
}

static void
on_pattern_changed (GkPreferencesWindow *self)
{
  gk_preferences_window_update_example (self);
}

/* What an Undo button of a toast restores. Toasts live in the window's
 * overlay and go with it, so the window is not referenced. */
typedef struct
{
  GkPreferencesWindow *self;
  char                *key;
  char                *value;
} Undo;

static void
undo_free (gpointer  data,
           GClosure *closure)
{
  Undo *undo = data;

  g_free (undo->key);
  g_free (undo->value);
  g_free (undo);
}

/* A setting written by a worker on a connection of its own
 * (gk-write-job.h), the window referenced until it is done; OLD_VALUE is
 * what it replaced. */
typedef struct
{
  GkPreferencesWindow *self;
  char                *key;
  char                *value;
  char                *old_value;
  gboolean             undoable;
} Setting;

static void
setting_free (Setting *setting)
{
  g_object_unref (setting->self);
  g_free (setting->key);
  g_free (setting->value);
  g_free (setting->old_value);
  g_free (setting);
}

static gboolean
setting_write (GkDatabase  *db,
               gpointer     data,
               GError     **error)
{
  Setting *setting = data;

  setting->old_value = gk_database_get_setting (db, setting->key);
  return gk_database_set_setting (db, setting->key, setting->value, error);
}

static void gk_preferences_window_load (GkPreferencesWindow *self);
static void gk_preferences_window_write_setting (GkPreferencesWindow *self,
                                                 GtkWidget           *where,
                                                 const char          *key,
                                                 const char          *value,
                                                 gboolean             undoable);

static void
on_undo_clicked (AdwToast *toast,
                 Undo     *undo)
{
  if (undo->self->db == NULL)
    return;
  gk_preferences_window_write_setting (undo->self, GTK_WIDGET (undo->self->issuer_group),
                                       undo->key, undo->value, FALSE);
}

static void
on_setting_written (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Setting *setting = gk_write_job_get_data (result);
  GkPreferencesWindow *self = setting->self;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  Undo *undo;

  /* A window closed meanwhile has nothing left to show it in. */
  if (!gk_write_job_finish (result, &error))
    {
      if (self->db != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gk_preferences_window_show_error (self, error);
      return;
    }
  if (self->db == NULL)
    return;
  if (!setting->undoable)
    {
      gk_preferences_window_load (self);
      return;
    }

  /* Translators: a toast after a preference was written to the database */
  toast = adw_toast_new (_("Saved in the database"));
  adw_toast_set_button_label (toast, _("_Undo"));
  /* Time enough to reach Undo from the keyboard, or with a screen reader. */
  adw_toast_set_timeout (toast, 10);
  undo = g_new0 (Undo, 1);
  undo->self = self;
  undo->key = g_strdup (setting->key);
  undo->value = g_strdup (setting->old_value);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked), undo, undo_free, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* WHERE: the widget of the window whose change this is. */
static void
gk_preferences_window_write_setting (GkPreferencesWindow *self,
                                     GtkWidget           *where,
                                     const char          *key,
                                     const char          *value,
                                     gboolean             undoable)
{
  Setting *setting = g_new0 (Setting, 1);

  setting->self = g_object_ref (self);
  setting->key = g_strdup (key);
  setting->value = g_strdup (value);
  setting->undoable = undoable;
  gk_write_job_run (where, self->db, _("Saving…"), setting_write, setting,
                    (GDestroyNotify) setting_free, on_setting_written, NULL);
}

static void
on_text_row_apply (GkPreferencesWindow *self,
                   AdwEntryRow         *row)
{
  g_autofree char *value = NULL;

  if (self->db == NULL)
    return;

  value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  gk_preferences_window_write_setting (self, GTK_WIDGET (row), row_key (row), value, TRUE);
}

static int
setting_int (GkDatabase *db,
             const char *key,
             int         fallback)
{
  g_autofree char *value = gk_database_get_setting (db, key);
  guint64 days;

  if (value != NULL && g_ascii_string_to_unsigned (value, 10, 1, 36500, &days, NULL))
    return (int) days;
  return fallback;
}

static gboolean
write_number_setting (GkDatabase  *db,
                      const char  *key,
                      int          fallback,
                      int          value,
                      GError     **error)
{
  g_autofree char *text = NULL;

  if (setting_int (db, key, fallback) == value)
    return TRUE;
  text = g_strdup_printf ("%d", value);
  return gk_database_set_setting (db, key, text, error);
}

/* The numbers, written like a Setting. */
typedef struct
{
  GkPreferencesWindow *self;
  int                  deadline;
  int                  extension;
  guint                stuck;
  int                  retention;
} Numbers;

static void
numbers_free (Numbers *numbers)
{
  g_object_unref (numbers->self);
  g_free (numbers);
}

/* Writes the numbers that differ from what is stored. */
static gboolean
numbers_write (GkDatabase  *db,
               gpointer     data,
               GError     **error)
{
  Numbers *numbers = data;

  return write_number_setting (db, DEADLINE_KEY, 20, numbers->deadline, error) &&
         write_number_setting (db, EXTENSION_KEY, 20, numbers->extension, error) &&
         (gk_dashboard_get_stuck_threshold (db) == numbers->stuck ||
          gk_dashboard_set_stuck_threshold (db, numbers->stuck, error)) &&
         (gk_backups_get_retention_days (db) == numbers->retention ||
          gk_backups_set_retention_days (db, numbers->retention, error));
}

static void
on_numbers_written (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Numbers *numbers = gk_write_job_get_data (result);
  g_autoptr(GError) error = NULL;

  if (!gk_write_job_finish (result, &error) && numbers->self->db != NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gk_preferences_window_show_error (numbers->self, error);
}

static void
gk_preferences_window_save_numbers (GkPreferencesWindow *self)
{
  Numbers *numbers;

  g_clear_handle_id (&self->number_id, g_source_remove);
  if (self->db == NULL || gk_database_is_read_only (self->db))
    return;

  numbers = g_new0 (Numbers, 1);
  numbers->self = g_object_ref (self);
  numbers->deadline = gtk_spin_button_get_value_as_int (self->deadline_spin);
  numbers->extension = gtk_spin_button_get_value_as_int (self->extension_spin);
  numbers->stuck = (guint) gtk_spin_button_get_value_as_int (self->stuck_spin);
  numbers->retention = gtk_spin_button_get_value_as_int (self->retention_spin);
  gk_write_job_run (GTK_WIDGET (self->deadlines_group), self->db, _("Saving…"), numbers_write,
                    numbers, (GDestroyNotify) numbers_free, on_numbers_written, NULL);
}

static gboolean
save_numbers_timeout (gpointer user_data)
{
  GkPreferencesWindow *self = user_data;

  self->number_id = 0;
  gk_preferences_window_save_numbers (self);
  return G_SOURCE_REMOVE;
}

static void
on_number_changed (GkPreferencesWindow *self)
{
  if (self->loading)
    return;

  g_clear_handle_id (&self->number_id, g_source_remove);
  self->number_id = g_timeout_add (NUMBER_DELAY_MS, save_numbers_timeout, self);
}

/* The font a role prints with now, and the sample line in it. */
static void
gk_preferences_window_update_font (GkPreferencesWindow *self,
                                   GkFontRole           role)
{
  FontRow *font = &self->fonts[role];
  g_autoptr(GkFontChoice) choice = gk_font_choice_new (role);
  g_autoptr(PangoFontDescription) desc = pango_font_description_copy (gk_font_choice_get_description (choice));
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(GkFontSubstitution) substitution = NULL;
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autofree char *key = font_key (role);
  g_autofree char *chosen = self->settings != NULL ? g_settings_get_string (self->settings, key) : NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *button_name = NULL;
  g_autofree char *shown = pango_font_description_to_string (gk_font_choice_get_description (choice));
  GtkWidget *inner;
  const char *used;

  pango_font_description_set_size (desc, SAMPLE_SIZE * PANGO_SCALE);
  pango_attr_list_insert (attrs, pango_attr_font_desc_new (desc));
  gtk_label_set_attributes (font->sample, attrs);

  /* Pango may print some characters of the sample with another font. */
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (font->sample), font_roles[role].sample);
  pango_layout_set_font_description (layout, desc);
  gk_font_choice_note_layout (choice, layout);
  substitution = gk_font_choice_get_substitution (choice);
  used = substitution != NULL ? substitution->used : gk_font_choice_get_family (choice);

  if (!gk_font_choice_is_wanted_installed (choice))
    /* Translators: %s are font names: the one asked for, the one that prints */
    subtitle = g_strdup_printf (_("%s is not installed. Actually used: %s"),
                                gk_font_choice_get_wanted (choice), used);
  else
    /* Translators: %s is the font that prints this part of a notice */
    subtitle = g_strdup_printf (_("Actually used: %s"), used);
  adw_action_row_set_subtitle (font->row, subtitle);

  self->loading = TRUE;
  gtk_font_chooser_set_font (GTK_FONT_CHOOSER (font->button),
                             chosen != NULL && chosen[0] != '\0' ? chosen : shown);
  self->loading = FALSE;
  gtk_widget_set_sensitive (font->reset, chosen != NULL && chosen[0] != '\0');

  /* Translators: the accessible name of a font button, %s e.g. "Body Text" */
  button_name = g_strdup_printf (_("Font for %s"), _(font_roles[role].title));
  gtk_accessible_update_property (GTK_ACCESSIBLE (font->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_name, -1);
  /* GTK 4.8's GtkFontButton is a container around an unnamed GtkButton,
   * which is what a screen reader reaches: name that one too. */
  inner = gtk_widget_get_first_child (GTK_WIDGET (font->button));
  if (GTK_IS_BUTTON (inner))
    gtk_accessible_update_property (GTK_ACCESSIBLE (inner),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, button_name, -1);
}

static void
on_font_set (GtkFontButton       *button,
             GkPreferencesWindow *self)
{
  GkFontRole role = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "gk-role"));
  g_autoptr(PangoFontDescription) desc = NULL;
  g_autofree char *key = font_key (role);
  g_autofree char *value = NULL;

  if (self->loading || self->settings == NULL)
    return;

  /* The size is the notice's (GB/T 9704), not the user's. */
  desc = gtk_font_chooser_get_font_desc (GTK_FONT_CHOOSER (button));
  if (desc == NULL)
    return;
  pango_font_description_unset_fields (desc, PANGO_FONT_MASK_SIZE);
  value = pango_font_description_to_string (desc);
  g_settings_set_string (self->settings, key, value);
}

static void
on_font_reset (GtkButton           *button,
               GkPreferencesWindow *self)
{
  GkFontRole role = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "gk-role"));
  g_autofree char *key = font_key (role);

  if (self->settings != NULL)
    g_settings_reset (self->settings, key);
}

/* GkApplication connected to the same signal first, so gk-fonts already
 * follows the new value when this runs. */
static void
on_settings_changed (GSettings           *settings,
                     const char          *key,
                     GkPreferencesWindow *self)
{
  for (guint role = 0; role < GK_FONT_N_ROLES; role++)
    {
      g_autofree char *font = font_key (role);

      if (g_str_equal (key, font))
        gk_preferences_window_update_font (self, role);
    }
}

static void
gk_preferences_window_add_font_rows (GkPreferencesWindow *self)
{
  for (guint role = 0; role < GK_FONT_N_ROLES; role++)
    {
      FontRow *font = &self->fonts[role];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autofree char *reset_name = NULL;

      font->row = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (font->row), _(font_roles[role].title));

      font->sample = GTK_LABEL (gtk_label_new (font_roles[role].sample));
      gtk_label_set_ellipsize (font->sample, PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (font->sample, 14);
      gtk_widget_set_hexpand (GTK_WIDGET (font->sample), TRUE);
      gtk_widget_set_halign (GTK_WIDGET (font->sample), GTK_ALIGN_END);
      gtk_accessible_update_property (GTK_ACCESSIBLE (font->sample),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Sample line"), -1);

      font->button = GTK_FONT_BUTTON (gtk_font_button_new ());
      gtk_font_chooser_set_level (GTK_FONT_CHOOSER (font->button), GTK_FONT_CHOOSER_LEVEL_FAMILY |
                                                                   GTK_FONT_CHOOSER_LEVEL_STYLE);
      gtk_font_chooser_set_language (GTK_FONT_CHOOSER (font->button), "zh-cn");
      gtk_font_chooser_set_preview_text (GTK_FONT_CHOOSER (font->button), font_roles[role].sample);
      gtk_font_button_set_title (font->button, _(font_roles[role].title));
      gtk_widget_set_valign (GTK_WIDGET (font->button), GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (font->button), "gk-role", GUINT_TO_POINTER (role));
      g_signal_connect (font->button, "font-set", G_CALLBACK (on_font_set), self);

      font->reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");
      gtk_widget_set_valign (font->reset, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (font->reset, "flat");
      gtk_widget_set_tooltip_text (font->reset, _("Use the Built-in Order"));
      /* Translators: accessible name of the button that forgets the chosen font, %s e.g. "Body Text" */
      reset_name = g_strdup_printf (_("Use the built-in order for %s"), _(font_roles[role].title));
      gtk_accessible_update_property (GTK_ACCESSIBLE (font->reset),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, reset_name, -1);
      g_object_set_data (G_OBJECT (font->reset), "gk-role", GUINT_TO_POINTER (role));
      g_signal_connect (font->reset, "clicked", G_CALLBACK (on_font_reset), self);

      gtk_box_append (GTK_BOX (box), GTK_WIDGET (font->sample));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (font->button));
      gtk_box_append (GTK_BOX (box), font->reset);
      adw_action_row_add_suffix (font->row, box);
      adw_preferences_group_add (self->fonts_group, GTK_WIDGET (font->row));
    }
}

static gboolean
nick_to_selected (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
selected_to_nick (const GValue       *value,
                  const GVariantType *type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) nicks))
    return NULL;
  return g_variant_new_string (nicks[selected]);
}

/* Fills the database's part from the settings table. */
static void
gk_preferences_window_load (GkPreferencesWindow *self)
{
  AdwEntryRow *rows[] = { self->issuer_row, self->doc_number_row, self->signature_row, self->feedback_row };
  const char *reason = NULL;

  if (self->db == NULL)
    reason = _("No database is open.");
  else if (gk_database_is_read_only (self->db))
    reason = gk_database_get_read_only_reason (self->db);

  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *value = self->db != NULL ? gk_database_get_setting (self->db, row_key (rows[i])) : NULL;

      set_row_text (rows[i], value);
      gtk_widget_set_sensitive (GTK_WIDGET (rows[i]), reason == NULL);
    }
  if (self->db != NULL)
    {
      gtk_spin_button_set_value (self->deadline_spin, setting_int (self->db, DEADLINE_KEY, 20));
      gtk_spin_button_set_value (self->extension_spin, setting_int (self->db, EXTENSION_KEY, 20));
      gtk_spin_button_set_value (self->stuck_spin, gk_dashboard_get_stuck_threshold (self->db));
      gtk_spin_button_set_value (self->retention_spin, gk_backups_get_retention_days (self->db));
    }
  self->loading = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->deadlines_group), reason == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->backups_group), reason == NULL);
  if (reason != NULL)
    {
      /* Translators: shown above the settings kept in the database; %s says why they cannot change */
      g_autofree char *description = g_strdup_printf (_("These settings cannot be changed: %s"), reason);

      adw_preferences_group_set_description (self->deadlines_group, description);
      adw_preferences_group_set_description (self->issuer_group, description);
    }

  gk_preferences_window_update_example (self);
}

static gboolean
gk_preferences_window_close_request (GtkWindow *window)
{
  GkPreferencesWindow *self = GK_PREFERENCES_WINDOW (window);

  if (self->number_id != 0)
    gk_preferences_window_save_numbers (self);

  return GTK_WINDOW_CLASS (gk_preferences_window_parent_class)->close_request (window);
}

static void
gk_preferences_window_dispose (GObject *object)
{
  GkPreferencesWindow *self = GK_PREFERENCES_WINDOW (object);

  g_clear_handle_id (&self->number_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->db);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gk_preferences_window_parent_class)->dispose (object);
}

static void
gk_preferences_window_class_init (GkPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gk_preferences_window_dispose;
  window_class->close_request = gk_preferences_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gongkai/Gongkai/preferences/gk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, issuer_group);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, doc_number_row);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, signature_row);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, example_row);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, feedback_row);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, layout_group);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, layout_row);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, fonts_group);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, deadlines_group);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, backups_group);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, deadline_spin);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, extension_spin);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, stuck_spin);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, retention_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_text_row_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_pattern_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_number_changed);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gk_preferences_window_init (GkPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gk_a11y_name_icon_buttons (GTK_WIDGET (self), "edit-find-symbolic", _("Search"));

  g_object_set_data (G_OBJECT (self->issuer_row), "gk-setting-key", (gpointer) GK_SETTING_REDHEAD_ISSUER);
  g_object_set_data (G_OBJECT (self->doc_number_row), "gk-setting-key", (gpointer) GK_SETTING_DOC_NUMBER_PATTERN);
  g_object_set_data (G_OBJECT (self->signature_row), "gk-setting-key", (gpointer) GK_SETTING_SIGNATURE);
  g_object_set_data (G_OBJECT (self->feedback_row), "gk-setting-key", (gpointer) GK_SETTING_FEEDBACK_CHANNEL);

  gk_preferences_window_add_font_rows (self);
}

GtkWidget *
gk_preferences_window_new (GtkWindow  *parent,
                           GkDatabase *db,
                           GSettings  *settings)
{
  GkPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (db == NULL || GK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (GK_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  g_set_object (&self->db, db);
  g_set_object (&self->settings, settings);

  if (db != NULL)
    {
      /* The example numbers a notice of the party office when there is
       * one (党办字〔…〕), else of the first organization. */
      self->example_org = gk_directory_find_organization (db, "党办", NULL);
      if (self->example_org <= 0)
        self->example_org = gk_directory_find_organization (db, "1", NULL);
    }

  if (settings != NULL)
    {
      g_settings_bind_with_mapping (settings, "default-layout", self->layout_row, "selected",
                                    G_SETTINGS_BIND_DEFAULT, nick_to_selected, selected_to_nick,
                                    (gpointer) layout_nicks, NULL);
      g_settings_bind_with_mapping (settings, "paper", self->paper_row, "selected",
                                    G_SETTINGS_BIND_DEFAULT, nick_to_selected, selected_to_nick,
                                    (gpointer) paper_nicks, NULL);
      g_signal_connect_object (settings, "changed", G_CALLBACK (on_settings_changed), self, 0);
    }
  else
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->layout_group), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->fonts_group), FALSE);
      adw_preferences_group_set_description (self->layout_group,
                                             _("The settings schema is not installed: nothing can be kept on this computer."));
    }

  for (guint role = 0; role < GK_FONT_N_ROLES; role++)
    gk_preferences_window_update_font (self, role);
  gk_preferences_window_load (self);

  return GTK_WIDGET (self);
}
