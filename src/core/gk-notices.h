#pragma once

#include <gio/gio.h>

#include "core/gk-database.h"
#include "core/gk-notice.h"

G_BEGIN_DECLS

/* What a list of notices shows; zero fields do not filter. */
typedef struct
{
  const char *state;          /* one state */
  gint64      waiting_for;    /* 待我处理: a person the procedure waits for */
  gint64      proposed_by;    /* 我提出的 */
  gboolean    in_progress;    /* 进行中: neither finished nor a draft */
  gboolean    published;      /* 已公开 */
  const char *search;         /* in title and body; any length */
} GkNoticeQuery;

GkNoticeQuery *gk_notice_query_copy (const GkNoticeQuery *query);
void           gk_notice_query_free (GkNoticeQuery       *query);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkNoticeQuery, gk_notice_query_free)

/* Notices as GkNotice, by planned (or published) date, newest last: all
 * of them at once, for short lists. Lists that may be long page through
 * GkNoticeListModel (gk-notice-list-model.h). */
GListModel *gk_notices_list    (GkDatabase          *db,
                                const GkNoticeQuery *query,
                                GError             **error);
/* How many notices QUERY lists, without reading them; -1 on error. */
gint64      gk_notices_count   (GkDatabase          *db,
                                const GkNoticeQuery *query,
                                GError             **error);
GkNotice   *gk_notices_get     (GkDatabase          *db,
                                gint64               notice_id,
                                GError             **error);

/* What a batch export takes (gk-batch-export.h): the ids (gint64) of the
 * notices in one of STATES (NULL-terminated) whose date as lists show it —
 * the publication date, else the planned one — lies between FROM and TO
 * (YYYY-MM-DD, both included), of ORGANIZATION_ID only when it is > 0; in
 * list order. */
GArray     *gk_notices_list_for_export (GkDatabase          *db,
                                        const char          *from,
                                        const char          *to,
                                        const char * const  *states,
                                        gint64               organization_id,
                                        GError             **error);

typedef struct
{
  char *at;          /* ISO 8601, UTC */
  char *person;      /* name, or empty for the system */
  char *action;      /* create, edit, submit, review, …, void */
  char *from_state;
  char *to_state;
  char *note;
} GkNoticeEvent;

void        gk_notice_event_free (GkNoticeEvent *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkNoticeEvent, gk_notice_event_free)

/* The history of a notice, oldest first, as GkNoticeEvent. */
GPtrArray  *gk_notices_history (GkDatabase          *db,
                                gint64               notice_id,
                                GError             **error);

/* The red header's document number counts an organization's notices by
 * planned year: the place of NOTICE_ID among them, or the next number
 * when NOTICE_ID is 0 (a plan not saved yet). */
guint       gk_notices_sequence_in_year (GkDatabase *db,
                                         gint64      organization_id,
                                         guint       year,
                                         gint64      notice_id);

/* Names of the people in IDS (gint64), joined with 、 */
char       *gk_notices_people_names (GkDatabase     *db,
                                     GArray         *ids);

G_END_DECLS
