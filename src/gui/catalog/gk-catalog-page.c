/* gk-catalog-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <adwaita.h>

#include "core/gk-cadence.h"
#include "core/gk-catalog.h"
#include "core/gk-catalog-item.h"
#include "gk-catalog-page.h"

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
  const char *(*get_text)   (GkCatalogItem *item);
  guint       (*get_number) (GkCatalogItem *item);
  gboolean      expand;
  int           width_chars;     /* > 0: the text wraps */
  int           max_width_chars;
} CatalogColumn;

static const CatalogColumn catalog_columns[] = {
  { N_("No."), CELL_NUMBER, NULL, gk_catalog_item_get_number, FALSE, 0, 0 },
  { N_("Category"), CELL_TEXT, gk_catalog_item_get_category,
    gk_catalog_item_get_category_position, FALSE, 8, 16 },
  { N_("Content"), CELL_TEXT, gk_catalog_item_get_content, NULL, TRUE, 16, 50 },
  { N_("Responsible"), CELL_TEXT, gk_catalog_item_get_responsible, NULL, FALSE, 6, 14 },
  { N_("Audiences"), CELL_TEXT, gk_catalog_item_get_audiences, NULL, FALSE, 10, 20 },
  { N_("Cadence"), CELL_CADENCE, gk_catalog_item_get_cadence, NULL, FALSE, 16, 26 },
};

struct _GkCatalogPage
{
  GtkWidget           parent_instance;

  GkContext          *context;
  gint64              catalog_id;
  char               *load_error;
  guint               n_total;

  /* NULL: all categories / no search */
  char               *category;
  GHashTable         *matches;

  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;

  GtkSearchEntry     *search_entry;
  GtkDropDown        *category_drop_down;
  GtkLabel           *count_label;
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

  gtk_list_item_set_child (list_item, label);
}

static void
on_cell_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              const CatalogColumn      *column)
{
  GkCatalogItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = catalog_column_get_text (column, item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
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
  g_autofree char *count = NULL;

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n_shown), n_shown);
  gtk_label_set_text (self->count_label, count);

  if (self->load_error != NULL)
    gk_catalog_page_show_status (self, "dialog-error-symbolic",
                                 _("Could Not Read the Catalog"), self->load_error);
  else if (self->context == NULL)
    gk_catalog_page_show_status (self, "view-list-bullet-symbolic",
                                 _("No Database Open"),
                                 _("Open or create a database from the main menu."));
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

  g_clear_pointer (&self->category, g_free);

  /* Position 0 is "All Categories". */
  if (categories != NULL && selected != GTK_INVALID_LIST_POSITION && selected > 0)
    self->category = g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (categories), selected));

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
gk_catalog_page_reload (GkCatalogPage *self)
{
  g_autoptr(GListModel) items = NULL;
  g_auto(GStrv) categories = NULL;
  g_autoptr(GtkStringList) category_list = NULL;
  g_autoptr(GError) error = NULL;
  GkDatabase *db;

  g_clear_pointer (&self->load_error, g_free);
  self->catalog_id = 0;
  self->n_total = 0;

  category_list = gtk_string_list_new (NULL);
  gtk_string_list_append (category_list, _("All Categories"));

  if (self->context != NULL)
    {
      db = gk_context_get_database (self->context);

      if ((self->catalog_id = gk_catalog_get_default (db, &error)) <= 0 ||
          (items = gk_catalog_list_items (db, self->catalog_id, &error)) == NULL ||
          (categories = gk_catalog_list_categories (db, self->catalog_id, &error)) == NULL)
        {
          self->load_error = g_strdup (error != NULL ? error->message : _("Unknown error"));
          g_clear_object (&items);
        }
      else
        {
          self->n_total = g_list_model_get_n_items (items);
          for (guint i = 0; categories[i] != NULL; i++)
            gtk_string_list_append (category_list, categories[i]);
        }
    }

  /* Replacing the model selects "All Categories" again. */
  gtk_drop_down_set_model (self->category_drop_down, G_LIST_MODEL (category_list));
  gk_catalog_page_update_matches (self);
  gtk_filter_list_model_set_model (self->filter_model, items);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gk_catalog_page_update_view (self);
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
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
}

static void
gk_catalog_page_dispose (GObject *object)
{
  GkCatalogPage *self = GK_CATALOG_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_CATALOG_PAGE);

  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->context);
  g_clear_pointer (&self->matches, g_hash_table_unref);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->load_error, g_free);

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
gk_catalog_page_class_init (GkCatalogPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_catalog_page_dispose;
  object_class->get_property = gk_catalog_page_get_property;
  object_class->set_property = gk_catalog_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         GK_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/catalog/gk-catalog-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkCatalogPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogPage, category_drop_down);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogPage, stack);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, GkCatalogPage, status_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_category_selected);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gk_catalog_page_init (GkCatalogPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gk_catalog_page_setup_columns (self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
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

  gk_catalog_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

void
gk_catalog_page_focus_search (GkCatalogPage *self)
{
  g_return_if_fail (GK_IS_CATALOG_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
