#include <glib/gi18n-lib.h>

#include "core/gk-notice-private.h"

struct _GkNotice
{
  GObject  parent_instance;

  gint64   id;
  char    *title;
  char    *body;
  char    *state;
  GkLevel  level;
  gint64   organization_id;
  char    *organization;
  guint    item_number;
  gint64   item_id;
  char    *planned_date;
  char    *published_date;
  char    *layout;
  gboolean major;
  gint64   proposer_id;
  char    *proposer;
  char    *audiences;
  char    *methods;
  char    *approval_sha256;
  char    *content_sha256;
  gint64   application_id;
  gint64   clarifies_id;
  gint64   row_version;
  char    *updated_at;
  char    *pdf_sha256;
  char    *font_report;
  char    *approved_at;
};

G_DEFINE_FINAL_TYPE (GkNotice, gk_notice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_STATE,
  PROP_DATE,
  PROP_ORGANIZATION,
  PROP_PROPOSER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
gk_level_to_string (GkLevel level)
{
  switch (level)
    {
    case GK_LEVEL_SCHOOL:
      return "school";
    case GK_LEVEL_GENERAL_BRANCH:
      return "general-branch";
    case GK_LEVEL_BRANCH:
      return "branch";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
gk_level_describe (GkLevel level)
{
  switch (level)
    {
    case GK_LEVEL_SCHOOL:
      return _("School committee level");
    case GK_LEVEL_GENERAL_BRANCH:
      return _("General branch level");
    case GK_LEVEL_BRANCH:
      return _("Branch level");
    default:
      g_return_val_if_reached (NULL);
    }
}

GkLevel
gk_level_for_kind (const char *organization_kind)
{
  if (g_strcmp0 (organization_kind, "general-branch") == 0)
    return GK_LEVEL_GENERAL_BRANCH;
  if (g_strcmp0 (organization_kind, "branch") == 0)
    return GK_LEVEL_BRANCH;
  return GK_LEVEL_SCHOOL;
}

const char *
gk_notice_state_describe (const char *state)
{
  static const struct { const char *state; const char *label; } labels[] = {
    { "draft", N_("Draft") },
    { "returned", N_("Returned for revision") },
    { "submitted", N_("Awaiting review") },
    { "reviewed", N_("Awaiting approval") },
    { "escalated", N_("Awaiting standing committee") },
    { "upper-review", N_("Awaiting higher committee") },
    { "approved", N_("Approved, awaiting publication") },
    { "published", N_("Published") },
    { "rejected", N_("Not to be disclosed") },
    { "withdrawn", N_("Withdrawn") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].state, state) == 0)
      return _(labels[i].label);
  return state;
}

static void
gk_notice_finalize (GObject *object)
{
  GkNotice *self = GK_NOTICE (object);

  g_free (self->title);
  g_free (self->body);
  g_free (self->state);
  g_free (self->organization);
  g_free (self->planned_date);
  g_free (self->published_date);
  g_free (self->layout);
  g_free (self->proposer);
  g_free (self->audiences);
  g_free (self->methods);
  g_free (self->approval_sha256);
  g_free (self->content_sha256);
  g_free (self->updated_at);
  g_free (self->pdf_sha256);
  g_free (self->font_report);
  g_free (self->approved_at);

  G_OBJECT_CLASS (gk_notice_parent_class)->finalize (object);
}

static void
gk_notice_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  GkNotice *self = GK_NOTICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;
    case PROP_DATE:
      g_value_set_string (value, gk_notice_get_date (self));
      break;
    case PROP_ORGANIZATION:
      g_value_set_string (value, self->organization);
      break;
    case PROP_PROPOSER:
      g_value_set_string (value, self->proposer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_notice_class_init (GkNoticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gk_notice_finalize;
  object_class->get_property = gk_notice_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_STATE] = g_param_spec_string ("state", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_ORGANIZATION] = g_param_spec_string ("organization", NULL, NULL, NULL, flags);
  properties[PROP_PROPOSER] = g_param_spec_string ("proposer", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gk_notice_init (GkNotice *self)
{
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text ? text : "");
}

GkNotice *
gk_notice_new_from_row (sqlite3_stmt *stmt)
{
  GkNotice *self = g_object_new (GK_TYPE_NOTICE, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->title = dup_column (stmt, 1);
  self->body = dup_column (stmt, 2);
  self->state = dup_column (stmt, 3);
  self->level = gk_level_for_kind ((const char *) sqlite3_column_text (stmt, 4));
  self->organization_id = sqlite3_column_int64 (stmt, 5);
  self->organization = dup_column (stmt, 6);
  self->item_number = (guint) sqlite3_column_int (stmt, 7);
  self->item_id = sqlite3_column_int64 (stmt, 8);
  self->planned_date = dup_column (stmt, 9);
  self->published_date = dup_column (stmt, 10);
  self->layout = dup_column (stmt, 11);
  self->major = sqlite3_column_int (stmt, 12) != 0;
  self->proposer_id = sqlite3_column_int64 (stmt, 13);
  self->proposer = dup_column (stmt, 14);
  self->audiences = dup_column (stmt, 15);
  self->methods = dup_column (stmt, 16);
  self->approval_sha256 = dup_column (stmt, 17);
  self->content_sha256 = dup_column (stmt, 18);
  self->application_id = sqlite3_column_int64 (stmt, 19);
  self->clarifies_id = sqlite3_column_int64 (stmt, 20);
  self->row_version = sqlite3_column_int64 (stmt, 21);
  self->updated_at = dup_column (stmt, 22);
  self->pdf_sha256 = dup_column (stmt, 23);
  self->font_report = dup_column (stmt, 24);
  self->approved_at = dup_column (stmt, 25);
  return self;
}

#define GETTER(type, name, field) \
  type \
  gk_notice_get_##name (GkNotice *self) \
  { \
    g_return_val_if_fail (GK_IS_NOTICE (self), (type) 0); \
    return self->field; \
  }

GETTER (gint64, id, id)
GETTER (const char *, title, title)
GETTER (const char *, body, body)
GETTER (const char *, state, state)
GETTER (GkLevel, level, level)
GETTER (gint64, organization_id, organization_id)
GETTER (const char *, organization, organization)
GETTER (guint, item_number, item_number)
GETTER (gint64, item_id, item_id)
GETTER (const char *, planned_date, planned_date)
GETTER (const char *, published_date, published_date)
GETTER (const char *, layout, layout)
GETTER (gboolean, major, major)
GETTER (gint64, proposer_id, proposer_id)
GETTER (const char *, proposer, proposer)
GETTER (const char *, audiences, audiences)
GETTER (const char *, methods, methods)
GETTER (const char *, approval_sha256, approval_sha256)
GETTER (const char *, content_sha256, content_sha256)
GETTER (gint64, application_id, application_id)
GETTER (gint64, clarifies_id, clarifies_id)
GETTER (gint64, row_version, row_version)
GETTER (const char *, updated_at, updated_at)
GETTER (const char *, pdf_sha256, pdf_sha256)
GETTER (const char *, font_report, font_report)
GETTER (const char *, approved_at, approved_at)

const char *
gk_notice_get_date (GkNotice *self)
{
  g_return_val_if_fail (GK_IS_NOTICE (self), NULL);

  if (self->published_date[0] != '\0')
    return self->published_date;
  return self->planned_date;
}
