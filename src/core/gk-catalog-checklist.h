#pragma once

#include <glib.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* What the measures require each catalog to disclose: 第八条 (the school
 * committee, 10 points), 第九条 (a general branch, 9), 第十条 (a branch, 6)
 * and 第十一条 (the discipline commission, 7).
 *
 * Coverage is computed, not stored: an active item covers a requirement
 * when its content contains one of the requirement's keywords (党费 → items
 * whose content has 党费). The last point of each article, 其他应当公开的
 * 党务, has no keywords: it is covered by items that mention 其他 or that
 * no other requirement claims, and is never a gap. Keywords are
 * deliberately specific (党内制度, not 制度) so that a gap shows. */

typedef struct
{
  const char         *article;    /* 第九条 */
  guint               point;      /* 1 for （一） */
  const char         *title;      /* a short title in the measures' words */
  const char         *text;       /* the point as the measures state it */
  const char         *category;   /* of the item a new catalog is seeded with */
  const char         *cadence;    /* of that item */
  const char * const *keywords;   /* NULL-terminated; NULL for 其他应当公开的党务 */
} GkRequirement;

/* The requirements for a catalog of an organization of KIND (committee,
 * general-branch, branch, discipline), or NULL when the measures give that
 * kind no catalog of its own. */
const GkRequirement *gk_requirements_for_kind (const char *kind,
                                               guint      *n_requirements);
/* "第九条（五）" */
char                *gk_requirement_label     (const GkRequirement *requirement);

typedef struct
{
  const GkRequirement *requirement;
  GArray              *numbers;    /* guint: the active items covering it, ascending */
  gboolean             gap;
} GkChecklistEntry;

void       gk_checklist_entry_free    (GkChecklistEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkChecklistEntry, gk_checklist_entry_free)

/* The requirements of the catalog's article with their covering items, as
 * GkChecklistEntry in the article's order. */
GPtrArray *gk_catalog_checklist       (GkDatabase  *db,
                                       gint64       catalog_id,
                                       GError     **error);

/* Inside gk_database_write(): fills a new, empty catalog with one item per
 * requirement — content the measures' words, the organization itself
 * responsible, its members (or, for the committee, all members and the
 * whole school) the audience. */
gboolean   gk_catalog_checklist_seed  (GkDatabase  *db,
                                       gint64       catalog_id,
                                       GError     **error);

G_END_DECLS
