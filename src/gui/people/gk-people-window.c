/* gk-people-window.c
 *
 * People, their roles in organizations and the organizations leaders
 * oversee, changed by party office through gk-directory's manage
 * functions; no SQL here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <glib/gi18n.h>

#include "core/gk-catalog.h"
#include "core/gk-choices.h"
#include "core/gk-directory.h"
#include "gk-write-job.h"
#include "gk-add-person-dialog.h"
#include "gk-people-window.h"

struct _GkPeopleWindow
{
  AdwWindow             parent_instance;

  GkDatabase           *db;
  gint64                actor_id;
  gboolean              can_manage;
  gint64                person_id;     /* selected, 0: none */
  GPtrArray            *organizations; /* GkChoice, as in the combos */
  GPtrArray            *role_rows;     /* rows added to roles_group */
  GPtrArray            *oversight_rows;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *list_pane;
  GtkWidget            *detail_pane;
  GtkButton            *add_person_button;
  GtkSearchEntry       *search_entry;
  GtkListBox           *people_list;
  AdwWindowTitle       *detail_title;
  GtkLabel             *read_only_label;
  GtkStack             *detail_stack;
  AdwPreferencesGroup  *roles_group;
  AdwPreferencesGroup  *add_role_group;
  AdwComboRow          *role_combo;
  AdwComboRow          *role_org_combo;
  AdwPreferencesGroup  *oversight_group;
  AdwPreferencesGroup  *add_oversight_group;
  AdwComboRow          *oversight_org_combo;
};

G_DEFINE_FINAL_TYPE (GkPeopleWindow, gk_people_window, ADW_TYPE_WINDOW)

static void gk_people_window_show_person (GkPeopleWindow *self);

static void
gk_people_window_toast (GkPeopleWindow *self,
                        const char     *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* "principal @ 组织部" */
static char *
describe_role (const char *role,
               const char *organization)
{
  /* Translators: a role in an organization, e.g. "principal @ 组织部" */
  return g_strdup_printf (_("%s @ %s"), gk_role_describe (role), organization);
}

static char *
describe_roles (GkChoice *person)
{
  g_autoptr(GString) roles = g_string_new (NULL);

  for (guint j = 0; person->roles != NULL && person->roles[j] != NULL; j++)
    {
      g_auto(GStrv) parts = g_strsplit (person->roles[j], "@", 2);
      g_autofree char *text = describe_role (parts[0], parts[1] ? parts[1] : "");

      if (roles->len > 0)
        g_string_append (roles, _(", "));
      g_string_append (roles, text);
    }
  if (roles->len == 0)
    g_string_append (roles, _("No role"));
  return g_string_free (g_steal_pointer (&roles), FALSE);
}

static void
gk_people_window_fill_people (GkPeopleWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = gk_choices_people (self->db, &error);
  GtkWidget *child;
  GtkListBoxRow *selected = NULL;
  /* Emptying the list unselects, which forgets the person. */
  gint64 keep = self->person_id;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->people_list))) != NULL)
    gtk_list_box_remove (self->people_list, child);

  if (people == NULL)
    {
      gk_people_window_toast (self, error->message);
      return;
    }

  for (guint i = 0; i < people->len; i++)
    {
      GkChoice *person = g_ptr_array_index (people, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *roles = describe_roles (person);
      g_autofree char *subtitle = NULL;

      subtitle = person->detail != NULL && person->detail[0] != '\0'
                 ? g_strdup_printf ("%s — %s", person->detail, roles)
                 : g_strdup (roles);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), person->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      g_object_set_data_full (G_OBJECT (row), "person-id", g_memdup2 (&person->id, sizeof person->id), g_free);
      gtk_list_box_append (self->people_list, row);
      if (person->id == keep)
        selected = GTK_LIST_BOX_ROW (row);
    }

  if (selected != NULL)
    gtk_list_box_select_row (self->people_list, selected);
  else
    {
      self->person_id = 0;
      gk_people_window_show_person (self);
    }
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void on_remove_role_clicked (GtkButton *button, GkPeopleWindow *self);
static void on_remove_oversight_clicked (GtkButton *button, GkPeopleWindow *self);

static GtkWidget *
add_row (GkPeopleWindow      *self,
         AdwPreferencesGroup *group,
         GPtrArray           *rows,
         const char          *title,
         const char          *subtitle,
         gint64               organization_id,
         const char          *role,
         GCallback            remove_callback)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (self->can_manage && remove_callback != NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Remove"));
      /* Translators: the accessible name of a Remove button, %s what it removes */
      g_autofree char *label = g_strdup_printf (_("Remove %s"), title);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (button), "organization-id",
                              g_memdup2 (&organization_id, sizeof organization_id), g_free);
      g_object_set_data_full (G_OBJECT (button), "role", g_strdup (role), g_free);
      g_signal_connect (button, "clicked", remove_callback, self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
  return row;
}

static void
gk_people_window_show_person (GkPeopleWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(GPtrArray) oversight = NULL;
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->people_list);
  gboolean leader = FALSE;

  clear_rows (self->roles_group, self->role_rows);
  clear_rows (self->oversight_group, self->oversight_rows);

  if (self->person_id <= 0 || row == NULL)
    {
      adw_window_title_set_title (self->detail_title, "");
      adw_window_title_set_subtitle (self->detail_title, "");
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      return;
    }

  adw_window_title_set_title (self->detail_title, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_stack_set_visible_child_name (self->detail_stack, "person");

  roles = gk_directory_list_roles (self->db, self->person_id, &error);
  if (roles == NULL)
    {
      gk_people_window_toast (self, error->message);
      return;
    }
  for (guint i = 0; i < roles->len; i++)
    {
      GkChoice *role = g_ptr_array_index (roles, i);
      g_autofree char *title = describe_role (role->detail, role->name);

      add_row (self, self->roles_group, self->role_rows, title, NULL, role->id, role->detail,
               G_CALLBACK (on_remove_role_clicked));
      if (g_strcmp0 (role->detail, "leader") == 0)
        leader = TRUE;
    }
  if (roles->len == 0)
    add_row (self, self->roles_group, self->role_rows, _("No role yet"), NULL, 0, NULL, NULL);

  oversight = gk_directory_list_oversight (self->db, self->person_id, &error);
  if (oversight == NULL)
    {
      gk_people_window_toast (self, error->message);
      return;
    }
  for (guint i = 0; i < oversight->len; i++)
    {
      GkChoice *org = g_ptr_array_index (oversight, i);

      add_row (self, self->oversight_group, self->oversight_rows, org->name,
               g_strcmp0 (org->name, org->detail) != 0 ? org->detail : NULL, org->id, NULL,
               G_CALLBACK (on_remove_oversight_clicked));
    }
  if (oversight->len == 0)
    add_row (self, self->oversight_group, self->oversight_rows,
             leader ? _("Oversees no organization yet") : _("Only overseeing leaders oversee organizations"),
             NULL, 0, NULL, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->add_role_group), self->can_manage);
  gtk_widget_set_visible (GTK_WIDGET (self->add_oversight_group), self->can_manage && leader);
}

/* A change of people, written by a worker on a connection of its own
 * (gk-write-job.h), so that waiting for another desktop never freezes the
 * window. */
typedef enum
{
  CHANGE_ADD_PERSON,
  CHANGE_ADD_ROLE,
  CHANGE_REMOVE_ROLE,
  CHANGE_ADD_OVERSIGHT,
  CHANGE_REMOVE_OVERSIGHT,
} ChangeKind;

typedef struct
{
  ChangeKind  kind;
  gint64      actor_id;
  gint64      person_id;     /* CHANGE_ADD_PERSON: the new person's, once written */
  gint64      organization_id;
  char       *role;
  char       *name;
  char       *title;
  char       *login;
} Change;

static void
change_free (Change *change)
{
  g_free (change->role);
  g_free (change->name);
  g_free (change->title);
  g_free (change->login);
  g_free (change);
}

static gboolean
change_write (GkDatabase  *db,
              gpointer     data,
              GError     **error)
{
  Change *change = data;

  switch (change->kind)
    {
    case CHANGE_ADD_PERSON:
      change->person_id = gk_directory_manage_add_person (db, change->actor_id, change->name,
                                                          change->title, change->login, error);
      return change->person_id > 0;
    case CHANGE_ADD_ROLE:
      return gk_directory_manage_add_role (db, change->actor_id, change->person_id,
                                           change->organization_id, change->role, error);
    case CHANGE_REMOVE_ROLE:
      return gk_directory_remove_role (db, change->actor_id, change->person_id,
                                       change->organization_id, change->role, error);
    case CHANGE_ADD_OVERSIGHT:
      return gk_directory_manage_add_oversight (db, change->actor_id, change->person_id,
                                                change->organization_id, error);
    case CHANGE_REMOVE_OVERSIGHT:
    default:
      return gk_directory_remove_oversight (db, change->actor_id, change->person_id,
                                            change->organization_id, error);
    }
}

static void
on_change_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  static const char * const done[] = {
    N_("Person added; now give them a role"),
    N_("Role given"),
    N_("Role removed"),
    N_("Oversight added"),
    N_("Oversight removed"),
  };
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (source), GK_TYPE_PEOPLE_WINDOW);
  Change *change = gk_write_job_get_data (result);
  g_autoptr(GError) error = NULL;
  GkPeopleWindow *self;

  if (window == NULL)
    return;
  self = GK_PEOPLE_WINDOW (window);
  if (!gk_write_job_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gk_people_window_toast (self, error->message);
      return;
    }
  if (change->kind == CHANGE_ADD_PERSON)
    self->person_id = change->person_id;
  gk_people_window_toast (self, _(done[change->kind]));
  gk_people_window_fill_people (self);
}

/* Takes CHANGE; fills in who acts and on whom. */
static void
gk_people_window_change (GkPeopleWindow *self,
                         Change         *change)
{
  change->actor_id = self->actor_id;
  if (change->kind != CHANGE_ADD_PERSON)
    change->person_id = self->person_id;
  gk_write_job_run (GTK_WIDGET (self->toast_overlay), self->db, _("Changing people…"),
                    change_write, change, (GDestroyNotify) change_free, on_change_written, NULL);
}

static Change *
change_new (ChangeKind  kind,
            gint64      organization_id,
            const char *role)
{
  Change *change = g_new0 (Change, 1);

  change->kind = kind;
  change->organization_id = organization_id;
  change->role = g_strdup (role);
  return change;
}

static void
on_remove_role_clicked (GtkButton      *button,
                        GkPeopleWindow *self)
{
  const gint64 *org_id = g_object_get_data (G_OBJECT (button), "organization-id");

  gk_people_window_change (self, change_new (CHANGE_REMOVE_ROLE, *org_id,
                                             g_object_get_data (G_OBJECT (button), "role")));
}

static void
on_remove_oversight_clicked (GtkButton      *button,
                             GkPeopleWindow *self)
{
  const gint64 *org_id = g_object_get_data (G_OBJECT (button), "organization-id");

  gk_people_window_change (self, change_new (CHANGE_REMOVE_OVERSIGHT, *org_id, NULL));
}

static gint64
selected_organization (GkPeopleWindow *self,
                       AdwComboRow    *combo)
{
  guint position = adw_combo_row_get_selected (combo);

  if (self->organizations == NULL || position >= self->organizations->len)
    return 0;
  return ((GkChoice *) g_ptr_array_index (self->organizations, position))->id;
}

static void
on_add_role_clicked (GkPeopleWindow *self)
{
  const char * const *roles = gk_role_list ();
  guint position = adw_combo_row_get_selected (self->role_combo);
  gint64 org_id = selected_organization (self, self->role_org_combo);

  if (self->person_id <= 0 || position >= g_strv_length ((char **) roles) || org_id <= 0)
    return;

  gk_people_window_change (self, change_new (CHANGE_ADD_ROLE, org_id, roles[position]));
}

static void
on_add_oversight_clicked (GkPeopleWindow *self)
{
  gint64 org_id = selected_organization (self, self->oversight_org_combo);

  if (self->person_id <= 0 || org_id <= 0)
    return;

  gk_people_window_change (self, change_new (CHANGE_ADD_OVERSIGHT, org_id, NULL));
}

/* ---- Add person ---- */

static void
on_add_person_response (GkAddPersonDialog *dialog,
                        const char        *response,
                        GkPeopleWindow    *self)
{
  Change *change;

  if (g_strcmp0 (response, "add") != 0)
    return;

  change = change_new (CHANGE_ADD_PERSON, 0, NULL);
  change->name = gk_add_person_dialog_get_name (dialog);
  change->title = gk_add_person_dialog_get_title (dialog);
  change->login = gk_add_person_dialog_get_login (dialog);
  gk_people_window_change (self, change);
}

static void
on_add_person_clicked (GkPeopleWindow *self)
{
  GkAddPersonDialog *dialog;

  dialog = gk_add_person_dialog_new (GTK_WINDOW (self), _("Add Person"),
                                     _("Give them a role afterwards: the procedure offers people the steps their roles allow."),
                                     NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_person_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- list ---- */

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  GkPeopleWindow *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (text[0] == '\0')
    return TRUE;

  needle = g_utf8_casefold (text, -1);
  title = g_utf8_casefold (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
  subtitle = g_utf8_casefold (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), -1);
  return strstr (title, needle) != NULL || strstr (subtitle, needle) != NULL;
}

static void
on_search_changed (GkPeopleWindow *self)
{
  gtk_list_box_invalidate_filter (self->people_list);
}

static void
on_person_selected (GkPeopleWindow *self,
                    GtkListBoxRow  *row)
{
  const gint64 *id = row != NULL ? g_object_get_data (G_OBJECT (row), "person-id") : NULL;

  self->person_id = id != NULL ? *id : 0;
  gk_people_window_show_person (self);
  if (row != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

static void
on_back_clicked (GkPeopleWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
gk_people_window_dispose (GObject *object)
{
  GkPeopleWindow *self = GK_PEOPLE_WINDOW (object);

  /* Disposing the list unselects its row: not a choice. */
  if (self->people_list != NULL)
    g_signal_handlers_disconnect_by_data (self->people_list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_PEOPLE_WINDOW);
  g_clear_object (&self->db);
  g_clear_pointer (&self->organizations, g_ptr_array_unref);
  g_clear_pointer (&self->role_rows, g_ptr_array_unref);
  g_clear_pointer (&self->oversight_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (gk_people_window_parent_class)->dispose (object);
}

static void
gk_people_window_class_init (GkPeopleWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_people_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/people/gk-people-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GkPeopleWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GkPeopleWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, GkPeopleWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, GkPeopleWindow, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, GkPeopleWindow, add_person_button);
  gtk_widget_class_bind_template_child (widget_class, GkPeopleWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GkPeopleWindow, people_list);
  gtk_widget_class_bind_template_child (widget_class, GkPeopleWindow, detail_title);
  gtk_widget_class_bind_template_child (widget_class, GkPeopleWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, GkPeopleWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, GkPeopleWindow, roles_group);
  gtk_widget_class_bind_template_child (widget_class, GkPeopleWindow, add_role_group);
  gtk_widget_class_bind_template_child (widget_class, GkPeopleWindow, role_combo);
  gtk_widget_class_bind_template_child (widget_class, GkPeopleWindow, role_org_combo);
  gtk_widget_class_bind_template_child (widget_class, GkPeopleWindow, oversight_group);
  gtk_widget_class_bind_template_child (widget_class, GkPeopleWindow, add_oversight_group);
  gtk_widget_class_bind_template_child (widget_class, GkPeopleWindow, oversight_org_combo);
  gtk_widget_class_bind_template_callback (widget_class, on_add_person_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_person_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_role_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_oversight_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gk_people_window_init (GkPeopleWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->role_rows = g_ptr_array_new ();
  self->oversight_rows = g_ptr_array_new ();
  gtk_list_box_set_filter_func (self->people_list, filter_row, self, NULL);
}

static void
gk_people_window_fill_combos (GkPeopleWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) role_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) org_names = gtk_string_list_new (NULL);
  const char * const *roles = gk_role_list ();

  for (guint i = 0; roles[i] != NULL; i++)
    gtk_string_list_append (role_names, gk_role_describe (roles[i]));
  adw_combo_row_set_model (self->role_combo, G_LIST_MODEL (role_names));

  self->organizations = gk_catalog_list_organizations (self->db, &error);
  if (self->organizations == NULL)
    {
      gk_people_window_toast (self, error->message);
      return;
    }
  for (guint i = 0; i < self->organizations->len; i++)
    gtk_string_list_append (org_names, ((GkChoice *) g_ptr_array_index (self->organizations, i))->name);
  adw_combo_row_set_model (self->role_org_combo, G_LIST_MODEL (org_names));
  adw_combo_row_set_model (self->oversight_org_combo, G_LIST_MODEL (org_names));
}

GkPeopleWindow *
gk_people_window_new (GtkWindow  *parent,
                      GkDatabase *db,
                      gint64      actor_id)
{
  GkPeopleWindow *self;
  gboolean read_only;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  self = g_object_new (GK_TYPE_PEOPLE_WINDOW, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->actor_id = actor_id;
  read_only = gk_database_is_read_only (db);
  self->can_manage = !read_only && gk_directory_may_manage_people (db, actor_id);

  if (!self->can_manage)
    {
      gtk_label_set_text (self->read_only_label,
                          read_only
                          ? _("This database is open read-only: you can look at people and roles but not change them.")
                          : _("Only party office or an administrator can change people, roles and oversight; you can look at them here."));
      gtk_widget_set_visible (GTK_WIDGET (self->read_only_label), TRUE);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_person_button), self->can_manage);
  gtk_widget_set_visible (GTK_WIDGET (self->add_role_group), self->can_manage);
  gtk_widget_set_visible (GTK_WIDGET (self->add_oversight_group), self->can_manage);

  gk_people_window_fill_combos (self);
  /* Start with the current person: their own roles are the first question. */
  self->person_id = actor_id;
  gk_people_window_fill_people (self);

  return self;
}
