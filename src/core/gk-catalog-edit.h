#pragma once

#include <glib.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* Changing a catalog (动态调整, 第十二条). Every change names a reason and
 * writes one item_revisions row per changed field (who, when, why,
 * old → new) and one audit event per row, in the same BEGIN IMMEDIATE
 * transaction; a refusal changes nothing. Items are never deleted — a
 * notice may refer to them — they are retired, and may be reactivated.
 *
 * Who may change a catalog: party office (a party-office role anywhere)
 * any catalog; the secretary or deputy secretary of a general branch,
 * branch or discipline commission its own. The school committee's catalog
 * is party office's alone. */

typedef enum
{
  GK_CATALOG_STATE_KEEP = 0,
  GK_CATALOG_STATE_RETIRE,
  GK_CATALOG_STATE_REACTIVATE,
} GkCatalogState;

/* What changes; zero, NULL and KEEP leave a field as it is. For a new item
 * every field but state is required. */
typedef struct
{
  guint           number;
  gint64          category_id;
  const char     *content;
  GArray         *responsible;   /* organization ids (gint64), display order */
  GArray         *audiences;     /* audience ids (gint64), display order */
  const char     *cadence;       /* see gk-cadence.h */
  GkCatalogState  state;
} GkCatalogChange;

/* One row of an item's history. FIELD is number, category, content,
 * responsible, audiences, cadence or state (active | retired); old_value is
 * NULL when the item was added. */
typedef struct
{
  gint64  id;
  gint64  item_id;
  char   *at;
  gint64  person_id;
  char   *person;      /* the person's name; empty for the system */
  char   *reason;
  char   *field;
  char   *old_value;
  char   *new_value;
} GkCatalogRevision;

void        gk_catalog_revision_free       (GkCatalogRevision *revision);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkCatalogRevision, gk_catalog_revision_free)

/* TRUE when PERSON may change the catalog; otherwise FALSE with an error
 * that says who may. */
gboolean    gk_catalog_may_edit            (GkDatabase             *db,
                                            gint64                  catalog_id,
                                            gint64                  person_id,
                                            GError                **error);

/* A new item; its id. */
gint64      gk_catalog_edit_add_item       (GkDatabase             *db,
                                            gint64                  actor_id,
                                            gint64                  catalog_id,
                                            const GkCatalogChange  *item,
                                            const char             *reason,
                                            GError                **error);
/* Edits, renumbers, moves, retires or reactivates an item, in any
 * combination. EXPECTED_ROW_VERSION is the version the user saw (0: do not
 * check); a miss is GK_CORE_ERROR_CONFLICT naming who changed it last and
 * when. A change that changes nothing is refused. */
gboolean    gk_catalog_edit_item           (GkDatabase             *db,
                                            gint64                  actor_id,
                                            gint64                  item_id,
                                            gint64                  expected_row_version,
                                            const GkCatalogChange  *change,
                                            const char             *reason,
                                            GError                **error);
gboolean    gk_catalog_edit_retire         (GkDatabase             *db,
                                            gint64                  actor_id,
                                            gint64                  item_id,
                                            gint64                  expected_row_version,
                                            const char             *reason,
                                            GError                **error);
gboolean    gk_catalog_edit_reactivate     (GkDatabase             *db,
                                            gint64                  actor_id,
                                            gint64                  item_id,
                                            gint64                  expected_row_version,
                                            const char             *reason,
                                            GError                **error);
/* A new category at the end of the catalog; its id. The reason goes to
 * the audit log (categories have no revisions of their own). */
gint64      gk_catalog_edit_add_category   (GkDatabase             *db,
                                            gint64                  actor_id,
                                            gint64                  catalog_id,
                                            const char             *name,
                                            const char             *reason,
                                            GError                **error);
/* The catalog of a general branch, branch or discipline commission (or of
 * the committee, when it has none), seeded with one item per requirement
 * of its article (see gk-catalog-checklist.h); its id. */
gint64      gk_catalog_edit_create_catalog (GkDatabase             *db,
                                            gint64                  actor_id,
                                            gint64                  organization_id,
                                            GError                **error);

/* The revisions of an item, oldest first, as GkCatalogRevision. */
GPtrArray  *gk_catalog_history             (GkDatabase             *db,
                                            gint64                  item_id,
                                            GError                **error);

/* Inside gk_database_write(), for changes made on a larger operation's
 * behalf (an import, a new catalog): no permission or row-version check. */
gint64      gk_catalog_insert_item         (GkDatabase             *db,
                                            gint64                  catalog_id,
                                            const GkCatalogChange  *item,
                                            const char             *reason,
                                            GError                **error);
gboolean    gk_catalog_revise_item         (GkDatabase             *db,
                                            gint64                  item_id,
                                            const GkCatalogChange  *change,
                                            const char             *reason,
                                            GError                **error);

G_END_DECLS
