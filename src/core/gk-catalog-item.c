#include "core/gk-catalog-item.h"

struct _GkCatalogItem
{
  GObject  parent_instance;

  gint64   id;
  guint    number;
  char    *category;
  guint    category_position;
  char    *content;
  char    *responsible;
  char    *audiences;
  char    *cadence;
  gboolean active;
};

G_DEFINE_FINAL_TYPE (GkCatalogItem, gk_catalog_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_CATEGORY,
  PROP_CATEGORY_POSITION,
  PROP_CONTENT,
  PROP_RESPONSIBLE,
  PROP_AUDIENCES,
  PROP_CADENCE,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gk_catalog_item_finalize (GObject *object)
{
  GkCatalogItem *self = GK_CATALOG_ITEM (object);

  g_free (self->category);
  g_free (self->content);
  g_free (self->responsible);
  g_free (self->audiences);
  g_free (self->cadence);

  G_OBJECT_CLASS (gk_catalog_item_parent_class)->finalize (object);
}

static void
gk_catalog_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GkCatalogItem *self = GK_CATALOG_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case PROP_CATEGORY_POSITION:
      g_value_set_uint (value, self->category_position);
      break;
    case PROP_CONTENT:
      g_value_set_string (value, self->content);
      break;
    case PROP_RESPONSIBLE:
      g_value_set_string (value, self->responsible);
      break;
    case PROP_AUDIENCES:
      g_value_set_string (value, self->audiences);
      break;
    case PROP_CADENCE:
      g_value_set_string (value, self->cadence);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_catalog_item_class_init (GkCatalogItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gk_catalog_item_finalize;
  object_class->get_property = gk_catalog_item_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY_POSITION] = g_param_spec_uint ("category-position", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_CONTENT] = g_param_spec_string ("content", NULL, NULL, NULL, flags);
  properties[PROP_RESPONSIBLE] = g_param_spec_string ("responsible", NULL, NULL, NULL, flags);
  properties[PROP_AUDIENCES] = g_param_spec_string ("audiences", NULL, NULL, NULL, flags);
  properties[PROP_CADENCE] = g_param_spec_string ("cadence", NULL, NULL, NULL, flags);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gk_catalog_item_init (GkCatalogItem *self)
{
}

GkCatalogItem *
gk_catalog_item_new (gint64      id,
                     guint       number,
                     const char *category,
                     guint       category_position,
                     const char *content,
                     const char *responsible,
                     const char *audiences,
                     const char *cadence,
                     gboolean    active)
{
  GkCatalogItem *self = g_object_new (GK_TYPE_CATALOG_ITEM, NULL);

  self->id = id;
  self->number = number;
  self->category = g_strdup (category);
  self->category_position = category_position;
  self->content = g_strdup (content);
  self->responsible = g_strdup (responsible ? responsible : "");
  self->audiences = g_strdup (audiences ? audiences : "");
  self->cadence = g_strdup (cadence);
  self->active = active;
  return self;
}

gint64
gk_catalog_item_get_id (GkCatalogItem *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_ITEM (self), 0);
  return self->id;
}

guint
gk_catalog_item_get_number (GkCatalogItem *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_ITEM (self), 0);
  return self->number;
}

const char *
gk_catalog_item_get_category (GkCatalogItem *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_ITEM (self), NULL);
  return self->category;
}

guint
gk_catalog_item_get_category_position (GkCatalogItem *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_ITEM (self), 0);
  return self->category_position;
}

const char *
gk_catalog_item_get_content (GkCatalogItem *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_ITEM (self), NULL);
  return self->content;
}

const char *
gk_catalog_item_get_responsible (GkCatalogItem *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_ITEM (self), NULL);
  return self->responsible;
}

const char *
gk_catalog_item_get_audiences (GkCatalogItem *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_ITEM (self), NULL);
  return self->audiences;
}

const char *
gk_catalog_item_get_cadence (GkCatalogItem *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_ITEM (self), NULL);
  return self->cadence;
}

gboolean
gk_catalog_item_get_active (GkCatalogItem *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_ITEM (self), FALSE);
  return self->active;
}
