/* gk-catalog-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <adwaita.h>
#include <string.h>

#include "core/gk-cadence.h"
#include "core/gk-catalog.h"
#include "core/gk-catalog-edit.h"
#include "core/gk-catalog-filing.h"
#include "core/gk-catalog-item.h"
#include "inbox/gk-notice-editor.h"
#include "pdf/gk-catalog-print.h"
#include "gk-a11y.h"
#include "gk-page-sync.h"
#include "gk-catalog-checklist-view.h"
#include "gk-catalog-filing-view.h"
#include "gk-catalog-history.h"
#include "gk-catalog-import-dialog.h"
#include "gk-catalog-item-dialog.h"
#include "gk-catalog-page.h"
#include "gk-catalog-printer.h"
#include "gk-write-job.h"

/* How one column shows and sorts an item. A column with a number getter
 * sorts by that number (the item number, the category's position in the
 * annex); the others by their text. */
typedef enum
{
  CELL_TEXT,
  CELL_NUMBER,
  CELL_CADENCE,
} CellKind;

typedef struct
{
  const char   *title;
  CellKind      kind;
  gboolean      retired_badge;   /* shows 已停用 beside a retired item's text */
  const char *(*get_text)   (GkCatalogItem *item);
  guint       (*get_number) (GkCatalogItem *item);
  gboolean      expand;
  int           width_chars;     /* > 0: the text wraps */
  int           max_width_chars;
} CatalogColumn;

static const CatalogColumn catalog_columns[] = {
  { N_("No."), CELL_NUMBER, FALSE, NULL, gk_catalog_item_get_number, FALSE, 0, 0 },
  { N_("Category"), CELL_TEXT, FALSE, gk_catalog_item_get_category,
    gk_catalog_item_get_category_position, FALSE, 8, 16 },
  { N_("Content"), CELL_TEXT, TRUE, gk_catalog_item_get_content, NULL, TRUE, 16, 50 },
  { N_("Responsible"), CELL_TEXT, FALSE, gk_catalog_item_get_responsible, NULL, FALSE, 6, 14 },
  { N_("Audiences"), CELL_TEXT, FALSE, gk_catalog_item_get_audiences, NULL, FALSE, 10, 20 },
  { N_("Cadence"), CELL_CADENCE, FALSE, gk_catalog_item_get_cadence, NULL, FALSE, 16, 26 },
};

typedef struct _CatalogRead CatalogRead;

struct _GkCatalogPage
{
  GtkWidget           parent_instance;

  GkContext          *context;
  /* The context's person, as last read (gk_catalog_page_sync()). */
  gint64              person_id;
  /* The catalogs one may choose (GkCatalogOwner) and whose is shown. */
  GPtrArray          *owners;
  gint64              organization_id;
  gint64              catalog_id;
  /* The catalog's newest revision when read: what a filing files. */
  gint64              seen_revision;
  char               *load_error;
  guint               n_total;
  GkCatalogFiling    *filing;
  /* NULL when the current person may change the catalog; otherwise why not. */
  char               *read_only_reason;
  gboolean            party_office;
  gboolean            filling;
  /* The read under way (gk_catalog_page_reload_then()); whether the
   * table's scroll position is to be kept when it is shown. */
  GCancellable       *load_cancellable;
  gboolean            keep_scroll;
  /* A read back before the page's first frame was painted, shown in the
   * frame after (on_page_painted()): the window appears without waiting
   * for its table to be laid out. */
  CatalogRead        *held_read;
  gboolean            painted;

  /* NULL: all categories / no search */
  char               *category;
  GHashTable         *matches;

  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;

  GtkSearchEntry     *search_entry;
  GtkDropDown        *catalog_drop_down;
  GtkDropDown        *category_drop_down;
  GtkLabel           *count_label;
  GtkWidget          *filing_bar;
  GtkLabel           *filing_label;
  GtkWidget          *file_button;
  GtkWidget          *add_button;
  GtkWidget          *edit_button;
  GtkWidget          *more_button;
  GtkWidget          *create_button;
  GtkSingleSelection *selection;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *status_page;
};

G_DEFINE_FINAL_TYPE (GkCatalogPage, gk_catalog_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
catalog_column_get_text (const CatalogColumn *column,
                         GkCatalogItem       *item)
{
  switch (column->kind)
    {
    case CELL_NUMBER:
      return g_strdup_printf ("%u", column->get_number (item));

    case CELL_CADENCE:
      return gk_cadence_describe (column->get_text (item));

    case CELL_TEXT:
    default:
      return g_strdup (column->get_text (item));
    }
}

static void
on_cell_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               const CatalogColumn      *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_valign (label, GTK_ALIGN_START);
  if (column->kind == CELL_NUMBER)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    gtk_label_set_xalign (GTK_LABEL (label), 0.0);

  if (column->width_chars > 0)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), column->width_chars);
      gtk_label_set_max_width_chars (GTK_LABEL (label), column->max_width_chars);
    }

  /* The catalog's own text is Simplified Chinese whatever the interface
   * language: without this, fontconfig may pick a Traditional or Japanese
   * face for it. */
  if (column->kind == CELL_TEXT)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("zh-cn")));
      gtk_label_set_attributes (GTK_LABEL (label), attrs);
      pango_attr_list_unref (attrs);
    }

  if (column->retired_badge)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      /* Text, not only the dimming: a retired item must read as retired. */
      GtkWidget *badge = gtk_label_new (_("Retired"));

      gtk_label_set_xalign (GTK_LABEL (badge), 0.0);
      gtk_widget_add_css_class (badge, "caption-heading");
      gtk_widget_set_visible (badge, FALSE);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), badge);
      gtk_list_item_set_child (list_item, box);
    }
  else
    gtk_list_item_set_child (list_item, label);
}

static void
on_cell_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              const CatalogColumn      *column)
{
  GkCatalogItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = catalog_column_get_text (column, item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GtkWidget *label = column->retired_badge ? gtk_widget_get_first_child (child) : child;
  gboolean retired = !gk_catalog_item_get_active (item);

  gtk_label_set_text (GTK_LABEL (label), text);
  /* The row reads as the item, once: from its first column. */
  if (column->kind == CELL_NUMBER)
    {
      g_autofree char *name = retired
        /* Translators: the name a screen reader gives a row of the catalog: number and content */
        ? g_strdup_printf (_("Item %u: %s (retired)"), gk_catalog_item_get_number (item), gk_catalog_item_get_content (item))
        : g_strdup_printf (_("Item %u: %s"), gk_catalog_item_get_number (item), gk_catalog_item_get_content (item));

      gk_a11y_name_list_row (child, name);
    }
  if (retired)
    gtk_widget_add_css_class (child, "dim-label");
  else
    gtk_widget_remove_css_class (child, "dim-label");
  if (column->retired_badge)
    gtk_widget_set_visible (gtk_widget_get_last_child (child), retired);
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const CatalogColumn *column = user_data;
  GkCatalogItem *item_a = GK_CATALOG_ITEM ((gpointer) a);
  GkCatalogItem *item_b = GK_CATALOG_ITEM ((gpointer) b);
  int result;

  if (column->get_number != NULL)
    {
      guint number_a = column->get_number (item_a);
      guint number_b = column->get_number (item_b);

      result = (number_a > number_b) - (number_a < number_b);
    }
  else
    {
      g_autofree char *text_a = catalog_column_get_text (column, item_a);
      g_autofree char *text_b = catalog_column_get_text (column, item_b);

      result = g_utf8_collate (text_a, text_b);
    }

  if (result == 0)
    {
      guint number_a = gk_catalog_item_get_number (item_a);
      guint number_b = gk_catalog_item_get_number (item_b);

      result = (number_a > number_b) - (number_a < number_b);
    }

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static gboolean
filter_item (gpointer object,
             gpointer user_data)
{
  GkCatalogPage *self = user_data;
  GkCatalogItem *item = object;
  gint64 id;

  if (self->category != NULL &&
      g_strcmp0 (gk_catalog_item_get_category (item), self->category) != 0)
    return FALSE;

  if (self->matches == NULL)
    return TRUE;

  id = gk_catalog_item_get_id (item);
  return g_hash_table_contains (self->matches, &id);
}

static GtkWindow *
gk_catalog_page_get_window (GkCatalogPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GkDatabase *
gk_catalog_page_get_database (GkCatalogPage *self)
{
  return self->context != NULL ? gk_context_get_database (self->context) : NULL;
}

static void
gk_catalog_page_toast (GkCatalogPage *self,
                       const char    *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void
gk_catalog_page_show_message (GkCatalogPage *self,
                              const char    *heading,
                              const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (gk_catalog_page_get_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ORGANIZATION_ID's entry of OWNERS (GkCatalogOwner), or NULL. */
static GkCatalogOwner *
find_owner (GPtrArray *owners,
            gint64     organization_id)
{
  for (guint i = 0; owners != NULL && i < owners->len; i++)
    {
      GkCatalogOwner *owner = g_ptr_array_index (owners, i);

      if (owner->organization_id == organization_id)
        return owner;
    }
  return NULL;
}

static GkCatalogOwner *
gk_catalog_page_get_owner (GkCatalogPage *self)
{
  return find_owner (self->owners, self->organization_id);
}

static const char *
gk_catalog_page_get_catalog_name (GkCatalogPage *self)
{
  GkCatalogOwner *owner = gk_catalog_page_get_owner (self);

  return owner != NULL ? owner->name : "";
}

static GkCatalogItem *
gk_catalog_page_get_selected (GkCatalogPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
gk_catalog_page_show_status (GkCatalogPage *self,
                             const char    *icon_name,
                             const char    *title,
                             const char    *description)
{
  adw_status_page_set_icon_name (self->status_page, icon_name);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

static void
gk_catalog_page_update_view (GkCatalogPage *self)
{
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  GkCatalogOwner *owner = gk_catalog_page_get_owner (self);
  g_autofree char *count = NULL;

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n_shown), n_shown);
  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_visible (self->create_button, FALSE);

  if (self->load_error != NULL)
    gk_catalog_page_show_status (self, "dialog-error-symbolic",
                                 _("Could Not Read the Catalog"), self->load_error);
  else if (self->owners == NULL && self->load_cancellable != NULL)
    gk_catalog_page_show_status (self, "content-loading-symbolic", _("Reading the Catalog…"), NULL);
  else if (self->context == NULL)
    gk_catalog_page_show_status (self, "view-list-bullet-symbolic",
                                 _("No Database Open"),
                                 _("Open or create a database from the main menu."));
  else if (owner != NULL && owner->catalog_id == 0)
    {
      g_autofree char *description =
        g_strdup_printf (_("%s has no disclosure catalog yet. A new catalog starts with one item for each point the measures require, to be adjusted."),
                         owner->name);

      gtk_button_set_label (GTK_BUTTON (self->create_button),
                            g_str_equal (owner->kind, "general-branch")
                            ? _("New General-Branch Catalog") : _("New Catalog"));
      gtk_widget_set_visible (self->create_button, TRUE);
      gk_catalog_page_show_status (self, "view-list-bullet-symbolic", _("No Catalog Yet"), description);
    }
  else if (self->n_total == 0)
    gk_catalog_page_show_status (self, "view-list-bullet-symbolic",
                                 _("The Catalog Is Empty"),
                                 _("This catalog has no items yet."));
  else if (n_shown == 0)
    gk_catalog_page_show_status (self, "system-search-symbolic",
                                 _("No Matching Items"),
                                 _("Try another search or category."));
  else
    gtk_stack_set_visible_child_name (self->stack, "items");
}

/* Enables what the current person may do with the catalog and the selected
 * item. Refused changes stay visible, insensitive, with the reason. */
static void
gk_catalog_page_update_actions (GkCatalogPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GkCatalogItem *item = gk_catalog_page_get_selected (self);
  GkCatalogOwner *owner = gk_catalog_page_get_owner (self);
  gboolean has_catalog = self->catalog_id > 0 && self->load_error == NULL;
  gboolean may_edit = has_catalog && self->read_only_reason == NULL;
  gboolean active = item != NULL && gk_catalog_item_get_active (item);
  GkDatabase *db = gk_catalog_page_get_database (self);
  /* A read-only file: no change at all, whoever is at the desk. */
  g_autofree char *file_read_only = db != NULL && gk_database_is_read_only (db)
    /* Translators: the tooltip of a disabled control; %s says why, e.g. “you may not change this file or the folder it is in” */
    ? g_strdup_printf (_("The database is read-only: %s"), gk_database_get_read_only_reason (db)) : NULL;
  gboolean writable = db != NULL && file_read_only == NULL;
  GtkWidget *edit_buttons[] = { self->add_button, self->edit_button };
  static const char *edit_tooltips[] = {
    N_("Add an item to the catalog"),
    N_("Change, renumber or move the selected item"),
  };

  gtk_widget_action_set_enabled (widget, "catalog.add-item", may_edit);
  gtk_widget_action_set_enabled (widget, "catalog.edit-item", may_edit && item != NULL);
  gtk_widget_action_set_enabled (widget, "catalog.retire-item", may_edit && active);
  gtk_widget_action_set_enabled (widget, "catalog.reactivate-item", may_edit && item != NULL && !active);
  gtk_widget_action_set_enabled (widget, "catalog.import", may_edit);
  gtk_widget_action_set_enabled (widget, "catalog.history", item != NULL);
  gtk_widget_action_set_enabled (widget, "catalog.new-plan", active && writable);
  gtk_widget_action_set_enabled (widget, "catalog.file", has_catalog && self->party_office && writable);
  gtk_widget_action_set_enabled (widget, "catalog.differences", has_catalog && self->filing != NULL);
  gtk_widget_action_set_enabled (widget, "catalog.checklist", has_catalog);
  gtk_widget_action_set_enabled (widget, "catalog.export-csv", has_catalog);
  gtk_widget_action_set_enabled (widget, "catalog.print", has_catalog);
  gtk_widget_action_set_enabled (widget, "catalog.export-pdf", has_catalog);
  gtk_widget_action_set_enabled (widget, "catalog.publish", has_catalog && self->person_id > 0 && writable);
  gtk_widget_action_set_enabled (widget, "catalog.create",
                                 owner != NULL && owner->catalog_id == 0 && self->person_id > 0 && writable);

  for (guint i = 0; i < G_N_ELEMENTS (edit_buttons); i++)
    gtk_widget_set_tooltip_text (edit_buttons[i],
                                 file_read_only != NULL ? file_read_only
                                 : has_catalog && self->read_only_reason != NULL
                                 ? self->read_only_reason : _(edit_tooltips[i]));
  gtk_widget_set_tooltip_text (self->file_button,
                               file_read_only != NULL ? file_read_only
                               : has_catalog && !self->party_office
                               ? _("Only the party office files catalogs (第十二条)")
                               : _("File this version of the catalog with the party office (备案)"));
  gtk_widget_set_tooltip_text (self->create_button, file_read_only);

  gtk_widget_set_visible (self->filing_bar, has_catalog);
}

/* Who may do what: the person against this catalog, and against the
 * committee's, which is party office's alone — that is how party office
 * (who files every catalog) is recognised. */
static void
gk_catalog_page_update_permissions (GkCatalogPage *self)
{
  GkDatabase *db = gk_catalog_page_get_database (self);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->read_only_reason, g_free);
  self->party_office = FALSE;

  if (db == NULL || self->catalog_id <= 0)
    return;

  if (gk_database_is_read_only (db))
    self->read_only_reason = g_strdup (gk_database_get_read_only_reason (db));
  else if (self->person_id <= 0)
    self->read_only_reason = g_strdup (_("Choose who you are with the button in the header bar to change the catalog."));
  else if (!gk_catalog_may_edit (db, self->catalog_id, self->person_id, &error))
    self->read_only_reason = g_strdup (error->message);

  if (self->person_id > 0 && self->owners != NULL && self->owners->len > 0)
    {
      GkCatalogOwner *committee = g_ptr_array_index (self->owners, 0);

      self->party_office = g_str_equal (committee->kind, "committee") && committee->catalog_id > 0 &&
                           gk_catalog_may_edit (db, committee->catalog_id, self->person_id, NULL);
    }
}

static void
gk_catalog_page_update_filing (GkCatalogPage *self)
{
  g_autofree char *text = gk_catalog_filing_view_describe (self->filing);

  gtk_label_set_text (self->filing_label, text);
}

/* Asks the database again for the items matching the search text. */
static void
gk_catalog_page_update_matches (GkCatalogPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *query = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->matches, g_hash_table_unref);

  if (query[0] == '\0' || self->context == NULL || self->catalog_id <= 0)
    return;

  self->matches = gk_catalog_search (gk_context_get_database (self->context),
                                     self->catalog_id, query, &error);
  if (self->matches == NULL)
    {
      g_warning ("Searching the catalog for “%s” failed: %s", query, error->message);
      self->matches = g_hash_table_new (g_int64_hash, g_int64_equal);
    }
}

static void
on_search_changed (GkCatalogPage *self)
{
  gk_catalog_page_update_matches (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_category_selected (GkCatalogPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->category_drop_down);
  GListModel *categories = gtk_drop_down_get_model (self->category_drop_down);

  if (self->filling)
    return;

  g_clear_pointer (&self->category, g_free);

  /* Position 0 is "All Categories". */
  if (categories != NULL && selected != GTK_INVALID_LIST_POSITION && selected > 0)
    self->category = g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (categories), selected));

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
gk_catalog_page_select_item (GkCatalogPage *self,
                             gint64         item_id)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  for (guint i = 0; item_id > 0 && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GkCatalogItem) item = g_list_model_get_item (model, i);

      if (gk_catalog_item_get_id (item) == item_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

/* The catalog selector: every organization that keeps or may start a
 * catalog, the one shown selected. */
static void
gk_catalog_page_fill_owners (GkCatalogPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; self->owners != NULL && i < self->owners->len; i++)
    {
      GkCatalogOwner *owner = g_ptr_array_index (self->owners, i);
      g_autofree char *label = owner->catalog_id > 0 ? g_strdup (owner->name)
        /* Translators: an organization in the catalog selector that has no catalog */
        : g_strdup_printf (_("%s (no catalog yet)"), owner->name);

      gtk_string_list_append (labels, label);
      if (owner->organization_id == self->organization_id)
        selected = i;
    }
  gtk_drop_down_set_model (self->catalog_drop_down, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->catalog_drop_down, selected);
}

/* A read of the catalog shown, by a worker on a connection of its own:
 * at 100 000 notices the lists take tens of milliseconds, which the
 * window's first frame should not wait for. */
struct _CatalogRead
{
  GkCatalogPage    *self;
  GCancellable     *cancellable;
  /* In: the organization whose catalog is wanted (0 or gone: the first);
   * the item to select after, and the page action to run then. */
  gint64            organization_id;
  gint64            select_id;
  const char       *then;
  /* Out */
  GError           *error;
  GPtrArray        *owners;
  gint64            catalog_id;
  GListModel       *items;
  char            **categories;
  GkCatalogFiling  *filing;
  gint64            seen_revision;
};

static void
catalog_read_free (CatalogRead *read)
{
  g_clear_object (&read->self);
  g_object_unref (read->cancellable);
  g_clear_error (&read->error);
  g_clear_pointer (&read->owners, g_ptr_array_unref);
  g_clear_object (&read->items);
  g_strfreev (read->categories);
  g_clear_pointer (&read->filing, gk_catalog_filing_free);
  g_free (read);
}

static gboolean
catalog_read (GkDatabase  *db,
              gpointer     data,
              GError     **error)
{
  CatalogRead *read = data;
  GkCatalogOwner *owner;
  GError *filing_error = NULL;

  read->owners = gk_catalog_list_owners (db, error);
  if (read->owners == NULL)
    return FALSE;
  owner = find_owner (read->owners, read->organization_id);
  if (owner == NULL && read->owners->len > 0)
    owner = g_ptr_array_index (read->owners, 0);
  read->organization_id = owner != NULL ? owner->organization_id : read->organization_id;
  read->catalog_id = owner != NULL ? owner->catalog_id : 0;
  if (read->catalog_id <= 0)
    return TRUE;

  read->items = gk_catalog_list_items (db, read->catalog_id, error);
  if (read->items == NULL ||
      (read->categories = gk_catalog_list_categories (db, read->catalog_id, error)) == NULL)
    return FALSE;
  read->filing = gk_catalog_last_filing (db, read->catalog_id, &filing_error);
  if (filing_error != NULL)
    {
      g_propagate_error (error, filing_error);
      return FALSE;
    }
  read->seen_revision = gk_catalog_last_revision (db, read->catalog_id, error);
  return read->seen_revision >= 0;
}

static gboolean
restore_scroll (gpointer user_data)
{
  GtkAdjustment *adjustment = user_data;

  gtk_adjustment_set_value (adjustment, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (adjustment), "gk-scroll")));
  return G_SOURCE_REMOVE;
}

/* Shows what READ brought back, or its error; READ NULL: no database. */
static void
gk_catalog_page_apply (GkCatalogPage *self,
                       CatalogRead   *read)
{
  const GError *error = read != NULL ? read->error : NULL;
  g_autoptr(GtkStringList) category_list = gtk_string_list_new (NULL);
  g_autofree char *category = g_strdup (self->category);
  guint category_index = 0;

  self->filling = TRUE;
  g_clear_pointer (&self->load_error, g_free);
  g_clear_pointer (&self->owners, g_ptr_array_unref);
  g_clear_pointer (&self->filing, gk_catalog_filing_free);
  self->catalog_id = 0;
  self->seen_revision = 0;
  self->n_total = 0;
  gtk_string_list_append (category_list, _("All Categories"));

  /* The catalogs to choose from, even when one could not be read. */
  if (read != NULL && read->owners != NULL)
    {
      self->owners = g_steal_pointer (&read->owners);
      self->organization_id = read->organization_id;
    }
  if (error != NULL)
    self->load_error = g_strdup (error->message);
  else if (read != NULL)
    {
      self->catalog_id = read->catalog_id;
      self->filing = g_steal_pointer (&read->filing);
      self->seen_revision = read->seen_revision;
      if (read->items != NULL)
        self->n_total = g_list_model_get_n_items (read->items);
      for (guint i = 0; read->categories != NULL && read->categories[i] != NULL; i++)
        {
          gtk_string_list_append (category_list, read->categories[i]);
          if (g_strcmp0 (read->categories[i], category) == 0)
            category_index = i + 1;
        }
    }

  gk_catalog_page_fill_owners (self);
  gtk_drop_down_set_model (self->category_drop_down, G_LIST_MODEL (category_list));
  gtk_drop_down_set_selected (self->category_drop_down, category_index);
  g_clear_pointer (&self->category, g_free);
  if (category_index > 0)
    self->category = g_steal_pointer (&category);
  self->filling = FALSE;

  gk_catalog_page_update_matches (self);
  gtk_filter_list_model_set_model (self->filter_model, read != NULL && error == NULL ? read->items : NULL);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (read != NULL)
    gk_catalog_page_select_item (self, read->select_id);
  gk_catalog_page_update_permissions (self);
  gk_catalog_page_update_filing (self);
  gk_catalog_page_update_view (self);
  gk_catalog_page_update_actions (self);
  if (read != NULL && error == NULL && read->then != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), read->then, NULL);
  if (self->keep_scroll)
    {
      GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

      self->keep_scroll = FALSE;
      if (adjustment != NULL)
        g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, restore_scroll,
                         g_object_ref (adjustment), g_object_unref);
    }
}

/* With GONGKAI_EXIT_AFTER_FIRST_FRAME=catalog, the application prints
 * when the frame that shows the catalog is painted, and quits, so that
 * the time until then can be measured from outside
 * (tests/bench/bench-startup.c). */
static void
on_catalog_painted (GdkFrameClock *clock,
                    GkCatalogPage *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_catalog_painted, self);
  g_print ("painted-us: %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_application_quit (g_application_get_default ());
}

static void
gk_catalog_page_show_read (GkCatalogPage *self,
                           CatalogRead   *read)
{
  gk_catalog_page_apply (self, read);
  if (gtk_widget_get_realized (GTK_WIDGET (self)) &&
      g_strcmp0 (g_getenv ("GONGKAI_EXIT_AFTER_FIRST_FRAME"), "catalog") == 0)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                             G_CALLBACK (on_catalog_painted), self, 0);
  catalog_read_free (read);
}

static void
on_catalog_read (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CatalogRead *read = user_data;
  GkCatalogPage *self = read->self;

  /* Cancelled: a newer read replaced this one, or the page is gone. */
  if ((!gk_database_run_finish (GK_DATABASE (source), result, &read->error) &&
       g_error_matches (read->error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) ||
      g_cancellable_is_cancelled (read->cancellable))
    {
      catalog_read_free (read);
      return;
    }

  g_clear_object (&self->load_cancellable);
  if (self->painted || !gtk_widget_get_realized (GTK_WIDGET (self)))
    {
      gk_catalog_page_show_read (self, read);
      return;
    }
  /* Held without a reference: the page outlives it (dispose). */
  g_clear_object (&read->self);
  g_clear_pointer (&self->held_read, catalog_read_free);
  self->held_read = read;
}

static void
on_page_painted (GdkFrameClock *clock,
                 GkCatalogPage *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_page_painted, self);
  self->painted = TRUE;
  if (self->held_read != NULL)
    gk_catalog_page_show_read (self, g_steal_pointer (&self->held_read));
}

/* Reads the catalog shown again, keeping the selection, or selecting
 * SELECT_ID (> 0) once read; THEN (may be NULL), a page action, runs once
 * the catalog is shown. */
static void
gk_catalog_page_reload_then (GkCatalogPage *self,
                             gint64         select_id,
                             const char    *then)
{
  GkCatalogItem *selected_item = gk_catalog_page_get_selected (self);
  GkDatabase *db = gk_catalog_page_get_database (self);
  CatalogRead *read;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->held_read, catalog_read_free);
  if (db == NULL)
    {
      gk_catalog_page_apply (self, NULL);
      return;
    }

  read = g_new0 (CatalogRead, 1);
  read->self = g_object_ref (self);
  read->organization_id = self->organization_id;
  read->select_id = select_id > 0 ? select_id
                    : selected_item != NULL ? gk_catalog_item_get_id (selected_item) : 0;
  read->then = then;
  self->load_cancellable = g_cancellable_new ();
  read->cancellable = g_object_ref (self->load_cancellable);
  gk_database_run_async (db, catalog_read, read, NULL, NULL, NULL, read->cancellable,
                         on_catalog_read, read);
  /* The first read: say so rather than what was shown before. */
  if (self->owners == NULL)
    gk_catalog_page_update_view (self);
}

static void
gk_catalog_page_reload (GkCatalogPage *self)
{
  gk_catalog_page_reload_then (self, 0, NULL);
}

static void
on_catalog_selected (GkCatalogPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->catalog_drop_down);
  GkCatalogOwner *owner;

  if (self->filling || self->owners == NULL || selected >= self->owners->len)
    return;

  owner = g_ptr_array_index (self->owners, selected);
  if (owner->organization_id == self->organization_id)
    return;
  self->organization_id = owner->organization_id;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_clear_pointer (&self->category, g_free);
  gk_catalog_page_reload (self);
}

/* A new order starts at its first row. The list view keeps the row it
 * showed in view wherever that row moved, once it has handled the change:
 * scroll after that, from an idle. */
static gboolean
scroll_to_top_idle (gpointer user_data)
{
  GkCatalogPage *self = user_data;
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

  if (vadjustment != NULL)
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));

  return G_SOURCE_REMOVE;
}

static void
on_sort_changed (GkCatalogPage *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, scroll_to_top_idle,
                   g_object_ref (self), g_object_unref);
}

static void
on_selected_item_changed (GkCatalogPage *self)
{
  gk_catalog_page_update_actions (self);
}

/* Actions */

static void
on_item_saved (GkCatalogPage *self,
               gint64         item_id)
{
  gk_catalog_page_reload_then (self, item_id, NULL);
}

static void
gk_catalog_page_open_item_dialog (GkCatalogPage *self,
                                  gint64         item_id)
{
  GtkWidget *dialog = gk_catalog_item_dialog_new (gk_catalog_page_get_window (self),
                                                  gk_catalog_page_get_database (self),
                                                  self->person_id, self->catalog_id, item_id);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_item_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gk_catalog_page_open_item_dialog (GK_CATALOG_PAGE (widget), 0);
}

static void
edit_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GkCatalogPage *self = GK_CATALOG_PAGE (widget);
  GkCatalogItem *item = gk_catalog_page_get_selected (self);

  if (item != NULL)
    gk_catalog_page_open_item_dialog (self, gk_catalog_item_get_id (item));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GkCatalogPage *self = GK_CATALOG_PAGE (widget);
  GkCatalogItem *item = gk_catalog_page_get_selected (self);

  if (item != NULL)
    gk_catalog_history_show (gk_catalog_page_get_window (self), gk_catalog_page_get_database (self), item);
}

/* Enter or a double click on a row: change it, or read its history when
 * the catalog is read-only. */
static void
on_row_activated (GkCatalogPage *self,
                  guint          position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self),
                              self->read_only_reason == NULL ? "catalog.edit-item" : "catalog.history", NULL);
}

/* The plan editor belongs to the approvals tab: the window opens it there. */
static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GkCatalogItem *item = gk_catalog_page_get_selected (GK_CATALOG_PAGE (widget));

  if (item != NULL)
    gtk_widget_activate_action (widget, "win.new-plan-for-item", "x", gk_catalog_item_get_id (item));
}

/* A small question with a text field: the reason of a retirement, the
 * note of a filing. RESPONSE is enabled only with text when REQUIRED. */
typedef void (*AnswerFunc) (GkCatalogPage *self,
                            gint64         item_id,
                            const char    *text);

typedef struct
{
  GkCatalogPage *page;
  gint64         item_id;
  AnswerFunc     answer;
  GtkEditable   *entry;
  char          *response;
} Question;

static void
question_free (Question *question)
{
  g_object_unref (question->page);
  g_free (question->response);
  g_free (question);
}

static void
on_question_response (AdwMessageDialog *dialog,
                      const char       *response,
                      Question         *question)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (question->entry)));

  if (g_str_equal (response, question->response))
    question->answer (question->page, question->item_id, text);
}

static void
on_question_changed (GtkEditable      *entry,
                     AdwMessageDialog *dialog)
{
  const char *response = g_object_get_data (G_OBJECT (dialog), "gk-required-response");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, response, *text != '\0');
}

static void
gk_catalog_page_ask (GkCatalogPage *self,
                     const char    *heading,
                     const char    *body,
                     const char    *entry_label,
                     gboolean       required,
                     const char    *response_label,
                     gint64         item_id,
                     AnswerFunc     answer)
{
  GtkWidget *dialog = adw_message_dialog_new (gk_catalog_page_get_window (self), heading, body);
  GtkWidget *entry = gtk_entry_new ();
  Question *question = g_new0 (Question, 1);

  question->page = g_object_ref (self);
  question->item_id = item_id;
  question->answer = answer;
  question->entry = GTK_EDITABLE (entry);
  question->response = g_strdup ("ok");

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), entry_label);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, entry_label, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "ok", response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  if (required)
    {
      g_object_set_data (G_OBJECT (dialog), "gk-required-response", (gpointer) "ok");
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "ok", FALSE);
      g_signal_connect (entry, "changed", G_CALLBACK (on_question_changed), dialog);
    }
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_question_response), question,
                         (GClosureNotify) (void (*) (void)) question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Retiring or reactivating, written by a worker on a connection of its
 * own (gk-write-job.h): waiting for another desktop shows in the window. */
typedef struct
{
  gint64    person_id;
  gint64    item_id;
  char     *reason;
  gboolean  retire;
} StateChange;

static void
state_change_free (StateChange *change)
{
  g_free (change->reason);
  g_free (change);
}

static gboolean
state_change_write (GkDatabase  *db,
                    gpointer     data,
                    GError     **error)
{
  StateChange *change = data;
  gint64 version = gk_catalog_get_item_row_version (db, change->item_id, error);

  return version > 0 &&
    (change->retire ? gk_catalog_edit_retire (db, change->person_id, change->item_id, version, change->reason, error)
                    : gk_catalog_edit_reactivate (db, change->person_id, change->item_id, version, change->reason, error));
}

static void
on_item_state_written (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GkCatalogPage *self = GK_CATALOG_PAGE (source);
  StateChange *change = gk_write_job_get_data (result);
  g_autoptr(GError) error = NULL;

  if (!gk_write_job_finish (result, &error) && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gk_catalog_page_show_message (self, change->retire ? _("Could Not Retire the Item") : _("Could Not Reactivate the Item"),
                                  error->message);
  gk_catalog_page_reload (self);
}

static void
set_item_state (GkCatalogPage *self,
                gint64         item_id,
                const char    *reason,
                gboolean       retire)
{
  GkDatabase *db = gk_catalog_page_get_database (self);
  StateChange *change = g_new0 (StateChange, 1);

  change->person_id = self->person_id;
  change->item_id = item_id;
  change->reason = g_strdup (reason);
  change->retire = retire;
  gk_write_job_run (GTK_WIDGET (self), db, retire ? _("Retiring the item…") : _("Reactivating the item…"),
                    state_change_write, change, (GDestroyNotify) state_change_free,
                    on_item_state_written, NULL);
}

static void
on_retire_answered (GkCatalogPage *self,
                    gint64         item_id,
                    const char    *reason)
{
  set_item_state (self, item_id, reason, TRUE);
}

static void
on_reactivate_answered (GkCatalogPage *self,
                        gint64         item_id,
                        const char    *reason)
{
  set_item_state (self, item_id, reason, FALSE);
}

static void
change_state_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GkCatalogPage *self = GK_CATALOG_PAGE (widget);
  GkCatalogItem *item = gk_catalog_page_get_selected (self);
  gboolean retire = g_str_equal (action_name, "catalog.retire-item");
  g_autofree char *body = NULL;

  if (item == NULL)
    return;

  body = g_strdup_printf (retire
                          ? _("Item %u “%s” leaves the catalog. It is kept with its history and the notices that refer to it, and may be reactivated.")
                          : _("Item %u “%s” returns to the catalog."),
                          gk_catalog_item_get_number (item), gk_catalog_item_get_content (item));
  gk_catalog_page_ask (self, retire ? _("Retire the Item?") : _("Reactivate the Item?"), body,
                       _("Reason for the change"), TRUE,
                       retire ? _("_Retire") : _("Rea_ctivate"),
                       gk_catalog_item_get_id (item),
                       retire ? on_retire_answered : on_reactivate_answered);
}

/* Filing or starting a catalog, on a worker like any write: what it
 * needs, what to say when it fails or is done, and the action to show
 * the result with. */
typedef struct
{
  gint64      person_id;
  gint64      catalog_id;
  gint64      organization_id;
  gint64      seen_revision;
  char       *note;
  const char *failed;
  const char *done;
  const char *then;
} CatalogWrite;

static void
catalog_write_free (CatalogWrite *write)
{
  g_free (write->note);
  g_free (write);
}

static gboolean
file_write (GkDatabase  *db,
            gpointer     data,
            GError     **error)
{
  CatalogWrite *write = data;

  return gk_catalog_file_version (db, write->person_id, write->catalog_id, write->seen_revision,
                                  write->note, error) > 0;
}

static gboolean
create_write (GkDatabase  *db,
              gpointer     data,
              GError     **error)
{
  CatalogWrite *write = data;

  return gk_catalog_edit_create_catalog (db, write->person_id, write->organization_id, error) > 0;
}

static void
on_catalog_written (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GkCatalogPage *self = GK_CATALOG_PAGE (source);
  CatalogWrite *write = gk_write_job_get_data (result);
  g_autoptr(GError) error = NULL;
  gboolean ok = gk_write_job_finish (result, &error);

  /* A conflict's message says to look again: the reload shows what changed. */
  gk_catalog_page_reload_then (self, 0, ok ? write->then : NULL);
  if (ok)
    gk_catalog_page_toast (self, _(write->done));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gk_catalog_page_show_message (self, _(write->failed), error->message);
}

static void
gk_catalog_page_write (GkCatalogPage     *self,
                       const char        *progress,
                       GkDatabaseJobFunc  func,
                       CatalogWrite      *write)
{
  write->person_id = self->person_id;
  write->catalog_id = self->catalog_id;
  write->organization_id = self->organization_id;
  write->seen_revision = self->seen_revision;
  gk_write_job_run (GTK_WIDGET (self), gk_catalog_page_get_database (self), progress, func,
                    write, (GDestroyNotify) catalog_write_free, on_catalog_written, NULL);
}

static void
on_file_answered (GkCatalogPage *self,
                  gint64         item_id,
                  const char    *note)
{
  CatalogWrite *write = g_new0 (CatalogWrite, 1);

  write->note = *note != '\0' ? g_strdup (note) : NULL;
  write->failed = N_("Could Not File the Catalog");
  write->done = N_("Catalog filed");
  gk_catalog_page_write (self, _("Filing the catalog…"), file_write, write);
}

static void
file_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GkCatalogPage *self = GK_CATALOG_PAGE (widget);
  g_autofree char *body =
    g_strdup_printf (_("The catalog of %s is filed as it is now (备案). The filed version cannot be changed; later changes are counted against it."),
                     gk_catalog_page_get_catalog_name (self));

  gk_catalog_page_ask (self, _("File the Catalog?"), body, _("Note (optional)"), FALSE,
                       _("_File"), 0, on_file_answered);
}

static void
differences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GkCatalogPage *self = GK_CATALOG_PAGE (widget);

  gk_catalog_filing_view_show_differences (gk_catalog_page_get_window (self),
                                           gk_catalog_page_get_database (self), self->catalog_id,
                                           gk_catalog_page_get_catalog_name (self));
}

static void
checklist_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GkCatalogPage *self = GK_CATALOG_PAGE (widget);

  gk_catalog_checklist_view_show (gk_catalog_page_get_window (self), gk_catalog_page_get_database (self),
                                  self->catalog_id, gk_catalog_page_get_catalog_name (self));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CatalogWrite *write = g_new0 (CatalogWrite, 1);

  write->failed = N_("Could Not Create the Catalog");
  write->done = N_("Catalog created");
  /* The new catalog is the article's checklist: show it with its coverage. */
  write->then = "catalog.checklist";
  gk_catalog_page_write (GK_CATALOG_PAGE (widget), _("Creating the catalog…"), create_write, write);
}

static void
on_imported (gpointer user_data)
{
  gk_catalog_page_reload (GK_CATALOG_PAGE (user_data));
  gk_catalog_page_toast (GK_CATALOG_PAGE (user_data), _("Catalog imported"));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GkCatalogPage *self = GK_CATALOG_PAGE (widget);

  gk_catalog_import_dialog_run (gk_catalog_page_get_window (self), gk_catalog_page_get_database (self),
                                self->catalog_id, self->person_id, on_imported, self);
}

static void
on_csv_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GkCatalogPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    gk_catalog_page_show_message (self, _("Could Not Export the Catalog"), error->message);
}

static void
on_csv_file_chosen (GtkNativeDialog *chooser,
                    int              response,
                    GkCatalogPage   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *csv;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    return;

  csv = gk_catalog_export_csv (gk_catalog_page_get_database (self), self->catalog_id, &error);
  if (csv == NULL)
    {
      gk_catalog_page_show_message (self, _("Could Not Export the Catalog"), error->message);
      return;
    }
  bytes = g_bytes_new_take (csv, strlen (csv));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       NULL, on_csv_written, g_object_ref (self));
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GkCatalogPage *self = GK_CATALOG_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = g_strdup_printf ("%s.csv", gk_catalog_page_get_catalog_name (self));

  chooser = gtk_file_chooser_native_new (_("Export the Catalog"), gk_catalog_page_get_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_strdelimit (name, "/\\:*?\"<>|", '_');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_csv_file_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GkCatalogTable *
gk_catalog_page_get_table (GkCatalogPage *self)
{
  g_autoptr(GError) error = NULL;
  GkCatalogTable *table = gk_catalog_print_table (gk_catalog_page_get_database (self), self->catalog_id, &error);

  if (table == NULL)
    gk_catalog_page_show_message (self, _("Could Not Read the Catalog"), error->message);
  return table;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GkCatalogPage *self = GK_CATALOG_PAGE (widget);
  GkCatalogTable *table = gk_catalog_page_get_table (self);

  if (table == NULL)
    return;
  if (g_str_equal (action_name, "catalog.print"))
    gk_catalog_printer_print (gk_catalog_page_get_window (self), table);
  else
    gk_catalog_printer_export_pdf (gk_catalog_page_get_window (self), table);
}

/* The plan that discloses the catalog itself (第十二条): its categories,
 * item count and filing. Notice text is Chinese whatever the interface
 * language, like the printed notice. */
static char *
gk_catalog_page_publish_body (GkCatalogPage *self)
{
  GListModel *items = gtk_filter_list_model_get_model (self->filter_model);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) categories = g_string_new (NULL);
  g_autofree char *filed = self->filing != NULL ? gk_catalog_print_date (self->filing->filed_at, NULL) : NULL;
  const char *name = gk_catalog_page_get_catalog_name (self);
  const char *category = NULL;
  guint n_categories = 0, n_items = 0, n_in_category = 0;

  for (guint i = 0; items != NULL && i <= g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GkCatalogItem) item = i < g_list_model_get_n_items (items) ? g_list_model_get_item (items, i) : NULL;

      if (item != NULL && !gk_catalog_item_get_active (item))
        continue;
      if (category != NULL && (item == NULL || g_strcmp0 (gk_catalog_item_get_category (item), category) != 0))
        {
          g_string_append_printf (categories, "%s%s（%u项）", n_categories > 0 ? "、" : "", category, n_in_category);
          n_categories++;
          n_in_category = 0;
        }
      if (item == NULL)
        break;
      category = gk_catalog_item_get_category (item);
      n_in_category++;
      n_items++;
    }

  g_string_append_printf (body, "根据党务公开有关规定（第十二条），现将%s党务公开目录公开如下。", name);
  g_string_append_printf (body, "\n目录共%u类%u项：%s。", n_categories, n_items, categories->str);
  if (filed != NULL)
    g_string_append_printf (body, "\n本目录已于%s报党委办公室备案。", filed);
  g_string_append (body, "\n目录全文见附件。");
  return g_string_free (g_steal_pointer (&body), FALSE);
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GkCatalogPage *self = GK_CATALOG_PAGE (widget);
  g_autofree char *title = g_strdup_printf ("%s党务公开目录", gk_catalog_page_get_catalog_name (self));
  g_autofree char *body = gk_catalog_page_publish_body (self);
  GtkWidget *editor;

  editor = gk_notice_editor_new (gk_catalog_page_get_window (self), gk_catalog_page_get_database (self),
                                 self->person_id, NULL, 0);
  gk_notice_editor_set_plan_text (GK_NOTICE_EDITOR (editor), title, body);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
gk_catalog_page_setup_columns (GkCatalogPage *self)
{
  g_autoptr(GtkSortListModel) sort_model = NULL;
  g_autoptr(GtkSingleSelection) selection = NULL;
  GtkSorter *sorter;

  for (guint i = 0; i < G_N_ELEMENTS (catalog_columns); i++)
    {
      const CatalogColumn *column = &catalog_columns[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) view_column = NULL;
      g_autoptr(GtkSorter) column_sorter = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup), (gpointer) column);
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind), (gpointer) column);

      view_column = gtk_column_view_column_new (_(column->title), factory);
      column_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_items, (gpointer) column, NULL));
      gtk_column_view_column_set_sorter (view_column, column_sorter);
      gtk_column_view_column_set_expand (view_column, column->expand);
      gtk_column_view_column_set_resizable (view_column, TRUE);
      gtk_column_view_append_column (self->column_view, view_column);
    }

  self->filter = gtk_custom_filter_new (filter_item, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (gk_catalog_page_update_view), self,
                           G_CONNECT_SWAPPED);

  sorter = gtk_column_view_get_sorter (self->column_view);
  sort_model = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filter_model)),
                                        g_object_ref (sorter));
  g_signal_connect_object (sorter, "changed", G_CALLBACK (on_sort_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&sort_model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  g_signal_connect_object (selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_changed), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  self->selection = selection;
}

/* gk-page-sync.h. What may be changed follows from the person. */
static void
gk_catalog_page_sync (GtkWidget         *widget,
                      GkPageSyncChanges  changes)
{
  GkCatalogPage *self = GK_CATALOG_PAGE (widget);

  self->person_id = self->context != NULL ? gk_context_get_person_id (self->context) : 0;
  if (changes & GK_PAGE_SYNC_CONTEXT)
    gk_catalog_page_reload (self);
  else if (changes & GK_PAGE_SYNC_DATA)
    gk_catalog_page_refresh (self);
  else
    {
      gk_catalog_page_update_permissions (self);
      gk_catalog_page_update_actions (self);
    }
}

static void
gk_catalog_page_dispose (GObject *object)
{
  GkCatalogPage *self = GK_CATALOG_PAGE (object);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->held_read, catalog_read_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_CATALOG_PAGE);

  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->context);
  g_clear_pointer (&self->matches, g_hash_table_unref);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->load_error, g_free);
  g_clear_pointer (&self->owners, g_ptr_array_unref);
  g_clear_pointer (&self->filing, gk_catalog_filing_free);
  g_clear_pointer (&self->read_only_reason, g_free);

  G_OBJECT_CLASS (gk_catalog_page_parent_class)->dispose (object);
}

static void
gk_catalog_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GkCatalogPage *self = GK_CATALOG_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_catalog_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GkCatalogPage *self = GK_CATALOG_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      gk_catalog_page_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_catalog_page_realize (GtkWidget *widget)
{
  GkCatalogPage *self = GK_CATALOG_PAGE (widget);

  GTK_WIDGET_CLASS (gk_catalog_page_parent_class)->realize (widget);
  if (!self->painted)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (on_page_painted), self, 0);
}

static void
gk_catalog_page_unrealize (GtkWidget *widget)
{
  GkCatalogPage *self = GK_CATALOG_PAGE (widget);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  /* A read held keeps until the page is painted once realized again. */
  if (clock != NULL)
    g_signal_handlers_disconnect_by_func (clock, on_page_painted, self);
  GTK_WIDGET_CLASS (gk_catalog_page_parent_class)->unrealize (widget);
}

static void
gk_catalog_page_class_init (GkCatalogPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_catalog_page_dispose;
  object_class->get_property = gk_catalog_page_get_property;
  object_class->set_property = gk_catalog_page_set_property;
  widget_class->realize = gk_catalog_page_realize;
  widget_class->unrealize = gk_catalog_page_unrealize;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         GK_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/catalog/gk-catalog-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkCatalogPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogPage, catalog_drop_down);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogPage, category_drop_down);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogPage, filing_bar);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogPage, filing_label);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogPage, file_button);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogPage, create_button);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogPage, stack);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogPage, status_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_category_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_catalog_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "catalog.add-item", NULL, add_item_action);
  gtk_widget_class_install_action (widget_class, "catalog.edit-item", NULL, edit_item_action);
  gtk_widget_class_install_action (widget_class, "catalog.retire-item", NULL, change_state_action);
  gtk_widget_class_install_action (widget_class, "catalog.reactivate-item", NULL, change_state_action);
  gtk_widget_class_install_action (widget_class, "catalog.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "catalog.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "catalog.file", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "catalog.differences", NULL, differences_action);
  gtk_widget_class_install_action (widget_class, "catalog.checklist", NULL, checklist_action);
  gtk_widget_class_install_action (widget_class, "catalog.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "catalog.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "catalog.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "catalog.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "catalog.export-pdf", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "catalog.publish", NULL, publish_action);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gk_catalog_page_init (GkCatalogPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gk_a11y_name_drop_down (self->catalog_drop_down, _("Catalog"));
  gk_a11y_name_drop_down (self->category_drop_down, _("Category"));
  gk_a11y_name_column_titles (self->column_view, _("Column Titles"));
  gk_a11y_tab_out_of_list (GTK_WIDGET (self->column_view), self->more_button, NULL);
  gk_catalog_page_setup_columns (self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  gk_page_sync_init (GTK_WIDGET (self), gk_catalog_page_sync, GK_PAGE_SYNC_WHEN_MAPPED);
  gk_catalog_page_reload (self);
}

GkContext *
gk_catalog_page_get_context (GkCatalogPage *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_PAGE (self), NULL);

  return self->context;
}

void
gk_catalog_page_set_context (GkCatalogPage *self,
                             GkContext     *context)
{
  g_return_if_fail (GK_IS_CATALOG_PAGE (self));
  g_return_if_fail (context == NULL || GK_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  /* Another database: start again from the committee's catalog. */
  self->organization_id = 0;
  gk_page_sync_set_context (GTK_WIDGET (self), context);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/* After another desktop's change: the catalog again, keeping the selected
 * item, the search, the category and the table's scroll position. */
void
gk_catalog_page_refresh (GkCatalogPage *self)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (GK_IS_CATALOG_PAGE (self));

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  if (adjustment != NULL)
    g_object_set_data (G_OBJECT (adjustment), "gk-scroll",
                       GUINT_TO_POINTER ((guint) gtk_adjustment_get_value (adjustment)));
  self->keep_scroll = adjustment != NULL;
  gk_catalog_page_reload (self);
}

void
gk_catalog_page_focus_search (GkCatalogPage *self)
{
  g_return_if_fail (GK_IS_CATALOG_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
