#include "core/gk-context.h"

struct _GkContext
{
  GObject     parent_instance;

  GkDatabase *database;
};

G_DEFINE_FINAL_TYPE (GkContext, gk_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gk_context_dispose (GObject *object)
{
  GkContext *self = GK_CONTEXT (object);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (gk_context_parent_class)->dispose (object);
}

static void
gk_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GkContext *self = GK_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  GkContext *self = GK_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_context_class_init (GkContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gk_context_dispose;
  object_class->get_property = gk_context_get_property;
  object_class->set_property = gk_context_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         GK_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gk_context_init (GkContext *self)
{
}

GkContext *
gk_context_new (GkDatabase *database)
{
  g_return_val_if_fail (GK_IS_DATABASE (database), NULL);

  return g_object_new (GK_TYPE_CONTEXT, "database", database, NULL);
}

GkDatabase *
gk_context_get_database (GkContext *self)
{
  g_return_val_if_fail (GK_IS_CONTEXT (self), NULL);
  return self->database;
}
