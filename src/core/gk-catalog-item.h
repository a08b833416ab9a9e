#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GK_TYPE_CATALOG_ITEM (gk_catalog_item_get_type ())
G_DECLARE_FINAL_TYPE (GkCatalogItem, gk_catalog_item, GK, CATALOG_ITEM, GObject)

/* One row of a disclosure catalog (公开目录), as read from the database.
 * Immutable once read: a change goes through gk-catalog and gives a new object. */
GkCatalogItem *gk_catalog_item_new              (gint64      id,
                                                 guint       number,
                                                 const char *category,
                                                 guint       category_position,
                                                 const char *content,
                                                 const char *responsible,
                                                 const char *audiences,
                                                 const char *cadence,
                                                 gboolean    active);
gint64         gk_catalog_item_get_id           (GkCatalogItem *self);
guint          gk_catalog_item_get_number       (GkCatalogItem *self);
const char    *gk_catalog_item_get_category     (GkCatalogItem *self);
guint          gk_catalog_item_get_category_position (GkCatalogItem *self);
const char    *gk_catalog_item_get_content      (GkCatalogItem *self);
/* Responsible organizations' short names, joined with 、 */
const char    *gk_catalog_item_get_responsible  (GkCatalogItem *self);
/* Audience names, joined with 、 */
const char    *gk_catalog_item_get_audiences    (GkCatalogItem *self);
const char    *gk_catalog_item_get_cadence      (GkCatalogItem *self);
gboolean       gk_catalog_item_get_active       (GkCatalogItem *self);

G_END_DECLS
