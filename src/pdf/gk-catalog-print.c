/* gk-catalog-print.c: a catalog from the database, printed */

#include "core/gk-catalog.h"
#include "core/gk-catalog-filing.h"
#include "core/gk-catalog-item.h"
#include "pdf/gk-catalog-print.h"

char *
gk_catalog_print_date (const char *iso8601,
                       GDate      *date)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso8601 == NULL || (utc = g_date_time_new_from_iso8601 (iso8601, NULL)) == NULL)
    return NULL;
  local = g_date_time_to_local (utc);
  if (date != NULL)
    g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                    g_date_time_get_year (local));
  return g_date_time_format (local, "%Y年%-m月%-d日");
}

static char *
organization_name (GkDatabase  *db,
                   gint64       catalog_id,
                   GError     **error)
{
  g_autoptr(GPtrArray) owners = gk_catalog_list_owners (db, error);

  for (guint i = 0; owners != NULL && i < owners->len; i++)
    {
      GkCatalogOwner *owner = g_ptr_array_index (owners, i);

      if (owner->catalog_id == catalog_id)
        return g_strdup (owner->name);
    }
  return owners != NULL ? g_strdup ("") : NULL;
}

GkCatalogTable *
gk_catalog_print_table (GkDatabase  *db,
                        gint64       catalog_id,
                        GError     **error)
{
  g_autoptr(GkCatalogTable) table = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GkCatalogFiling) filing = NULL;
  g_autoptr(GError) filing_error = NULL;
  g_autoptr(GStrvBuilder) heading = g_strv_builder_new ();
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  guint n_active = 0;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  if ((name = organization_name (db, catalog_id, error)) == NULL ||
      (items = gk_catalog_list_items (db, catalog_id, error)) == NULL)
    return NULL;
  filing = gk_catalog_last_filing (db, catalog_id, &filing_error);
  if (filing == NULL && filing_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&filing_error));
      return NULL;
    }

  /* The printed catalog is Chinese whatever the interface language. */
  title = g_strdup_printf ("%s党务公开目录", name);
  table = gk_catalog_table_new (title);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GkCatalogItem) item = g_list_model_get_item (items, i);

      if (!gk_catalog_item_get_active (item))
        continue;
      n_active++;
      gk_catalog_table_add_row (table, gk_catalog_item_get_category (item),
                                gk_catalog_item_get_number (item),
                                gk_catalog_item_get_content (item),
                                gk_catalog_item_get_responsible (item),
                                gk_catalog_item_get_audiences (item));
    }

  if (filing != NULL)
    {
      g_autofree char *date = gk_catalog_print_date (filing->filed_at, &table->date);
      g_autofree char *code = g_strndup (filing->sha256 != NULL ? filing->sha256 : "", 8);

      g_autofree char *line = g_strdup_printf ("%s　共%u项　%s备案（第%" G_GINT64_FORMAT "号，校验码 %s）",
                                               name, n_active, date != NULL ? date : filing->filed_at,
                                               filing->id, code);
      g_autofree char *since = filing->changes_since > 0
        ? g_strdup_printf ("备案后已调整%u处，以本目录为准", filing->changes_since) : NULL;

      g_strv_builder_add (heading, line);
      if (since != NULL)
        g_strv_builder_add (heading, since);
    }
  else
    {
      g_autofree char *line = g_strdup_printf ("%s　共%u项　尚未备案", name, n_active);

      g_strv_builder_add (heading, line);
    }
  table->heading = g_strv_builder_end (heading);

  return g_steal_pointer (&table);
}
