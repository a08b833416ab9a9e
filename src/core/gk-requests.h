#pragma once

#include <glib.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* Applications (个别申请, 第十三条 last paragraph): a member or a member of
 * the public asks for something to be disclosed. To the school committee:
 * party office records it and forwards (批转) it to the responsible
 * department, which handles it as a notice through the usual route; to a
 * general branch: that branch records and handles it. A reply closes it.
 * The measures set no deadline: 20 working days by default, extendable
 * once by 20, both in the settings table. */

typedef enum
{
  GK_REPLY_DISCLOSE,   /* 公开 */
  GK_REPLY_PARTIAL,    /* 部分公开 */
  GK_REPLY_REFUSE,     /* 不予公开, with the reason */
} GkReply;

const char *gk_reply_to_string   (GkReply     reply);
gboolean    gk_reply_from_string (const char *text,
                                  GkReply    *reply);

typedef struct
{
  gint64   id;
  char    *applicant;
  gboolean is_member;
  char    *addressed_to;     /* short name */
  char    *request;
  char    *received_date;
  char    *deadline;
  gboolean extended;
  char    *handler;          /* short name, empty until forwarded */
  char    *state;            /* received, forwarded, replied */
  char    *reply;            /* disclose, partial, refuse, or empty */
  char    *reply_note;
  char    *replied_date;
  gint64   row_version;
} GkRequest;

void       gk_request_free      (GkRequest *request);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkRequest, gk_request_free)

gint64     gk_requests_new      (GkDatabase  *db,
                                 gint64       actor_id,
                                 const char  *applicant,
                                 gboolean     is_member,
                                 gint64       addressed_to_id,
                                 const char  *request,
                                 const char  *received_date,
                                 GError     **error);
gboolean   gk_requests_forward  (GkDatabase  *db,
                                 gint64       actor_id,
                                 gint64       request_id,
                                 gint64       handler_id,
                                 GError     **error);
gboolean   gk_requests_extend   (GkDatabase  *db,
                                 gint64       actor_id,
                                 gint64       request_id,
                                 GError     **error);
gboolean   gk_requests_reply    (GkDatabase  *db,
                                 gint64       actor_id,
                                 gint64       request_id,
                                 GkReply      reply,
                                 const char  *note,
                                 const char  *date,
                                 GError     **error);

/* Whether PERSON may forward, extend or answer REQUEST_ID (the rule every
 * step checks: party office for applications to the school committee, a
 * general branch's own people for those addressed to it). */
gboolean   gk_requests_may_handle (GkDatabase  *db,
                                   gint64       person_id,
                                   gint64       request_id);
/* Whether REQUEST_ID is addressed to the school committee, and so is
 * forwarded (批转) before it is answered. */
gboolean   gk_requests_is_forwarded_first (GkDatabase *db,
                                           gint64      request_id);
/* The organizations party office may forward an application to
 * (functional departments, mass organizations, the discipline office), as
 * GkChoice (gk-choices.h: name the short name, detail the full name). */
GPtrArray *gk_requests_list_handlers (GkDatabase  *db,
                                      GError     **error);

GkRequest *gk_requests_get      (GkDatabase  *db,
                                 gint64       request_id,
                                 GError     **error);
/* All applications, open ones first by deadline, as GkRequest. */
GPtrArray *gk_requests_list     (GkDatabase  *db,
                                 GError     **error);

G_END_DECLS
