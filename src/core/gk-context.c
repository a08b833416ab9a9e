#include "core/gk-context.h"

struct _GkContext
{
  GObject     parent_instance;

  GkDatabase *database;
  gint64      person_id;
};

G_DEFINE_FINAL_TYPE (GkContext, gk_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_PERSON_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DATA_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
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
    case PROP_PERSON_ID:
      gk_context_set_person_id (self, g_value_get_int64 (value));
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
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DATA_CHANGED] =
    g_signal_new ("data-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
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

gint64
gk_context_get_person_id (GkContext *self)
{
  g_return_val_if_fail (GK_IS_CONTEXT (self), 0);
  return self->person_id;
}

void
gk_context_set_person_id (GkContext *self,
                          gint64     person_id)
{
  g_return_if_fail (GK_IS_CONTEXT (self));
  g_return_if_fail (person_id >= 0);

  /* Even when unchanged: the core's writes set the connection's actor to
   * their own. */
  if (self->database != NULL)
    gk_database_set_actor (self->database, person_id);
  if (self->person_id == person_id)
    return;

  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

void
gk_context_data_changed (GkContext *self)
{
  g_return_if_fail (GK_IS_CONTEXT (self));
  g_signal_emit (self, signals[DATA_CHANGED], 0);
}
