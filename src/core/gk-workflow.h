#pragma once

#include <glib.h>

#include "core/gk-database.h"
#include "core/gk-notice.h"

G_BEGIN_DECLS

/* The procedure of 第十三条: 提出 → 审核 → 审批 → 实施, by level. Every
 * function here is one BEGIN IMMEDIATE transaction that checks the
 * notice's state and row_version, records the step in the notice's
 * history and appends its audit event; a refusal changes nothing and says
 * who may act now. */

typedef enum
{
  GK_ACTION_SUBMIT,        /* 提出: the proposer sends the plan to review */
  GK_ACTION_REVIEW,        /* 审核: structured findings, passed */
  GK_ACTION_APPROVE,       /* 审批 */
  GK_ACTION_ESCALATE,      /* 特别重大、敏感: to 党委常委会 */
  GK_ACTION_DECIDE,        /* party office records the standing committee's decision */
  GK_ACTION_UPPER_APPROVE, /* party office records 上级党委's approval */
  GK_ACTION_PUBLISH,       /* 实施: a publication stage */
  GK_ACTION_RETURN,        /* back to the proposer with comments */
  GK_ACTION_REJECT,        /* 不予公开, with a reason of 第六条 */
  GK_ACTION_WITHDRAW,      /* the proposer takes it back */
  GK_N_ACTIONS
} GkAction;

const char *gk_action_to_string   (GkAction    action);
gboolean    gk_action_from_string (const char *text,
                                   GkAction   *action);
/* What the button says: "Approve", "Record decision"… (translated) */
const char *gk_action_describe    (GkAction    action);

typedef enum
{
  GK_REJECT_SECRET,       /* 涉及党和国家秘密 */
  GK_REJECT_UNSUITABLE,   /* 依照有关规定不宜公开 */
  GK_REJECT_OTHER,        /* 其他, written out in the note */
} GkRejectReason;

/* The plan (公开方案) a proposer writes: for new notices and edits. */
typedef struct
{
  gint64       organization_id;
  gint64       item_id;          /* 0: an application or an ad-hoc matter */
  gint64       application_id;   /* 0 unless it answers an application */
  gint64       clarifies_id;     /* 0 unless it is a clarification (第十六条) */
  const char  *title;
  const char  *body;
  GArray      *audience_ids;     /* gint64 */
  const char  *planned_date;     /* YYYY-MM-DD */
  GArray      *method_ids;       /* gint64 */
  const char  *layout;           /* bulletin (default), redhead, a3 */
  gboolean     major;            /* 特别重大、敏感 */
} GkNoticePlan;

/* Everything a step may carry; unused fields stay zero. */
typedef struct
{
  gint64          expected_row_version;  /* 0: do not check */
  const char     *note;
  /* review findings */
  const char     *secrecy;               /* ok | secret */
  const char     *necessity;             /* ok | no */
  const char     *accuracy;              /* ok | no */
  const char     *risk;                  /* low | medium | high */
  /* reject */
  GkRejectReason  reason;
  /* decide, upper-approve: meeting or reply date, minutes or document reference */
  const char     *date;
  const char     *reference;
  gboolean        refuse;                /* decide: the committee decided not to disclose */
  gboolean        upper;                 /* decide: report to 上级党委 before it may be published */
  /* publish: the stage's actual date (date above), audiences and methods
   * (NULL: all of the plan's) */
  GArray         *audience_ids;
  GArray         *method_ids;
  /* approve, and decide or upper-approve when they approve: SHA-256 of the
   * exact PDF the approver saw, of the posted PDF (the same with the
   * verification code) and the fonts substituted in them */
  const char     *pdf_sha256;
  const char     *posted_sha256;
  const char     *font_report;
} GkStepArgs;

GkLevel   gk_workflow_level_of    (GkDatabase      *db,
                                   gint64           organization_id,
                                   GError         **error);

/* Creates a draft. WARNINGS (may be NULL) receives translated warnings
 * that do not stop the plan, such as a public method for internal audiences. */
gint64    gk_workflow_create      (GkDatabase         *db,
                                   gint64              actor_id,
                                   const GkNoticePlan *plan,
                                   GPtrArray         **warnings,
                                   GError            **error);

/* Changes the plan. Allowed to the proposer until publication; a change of
 * content, audiences, date, methods or layout after submission voids the
 * review and approval and returns the notice to draft, in its history. */
gboolean  gk_workflow_edit        (GkDatabase         *db,
                                   gint64              actor_id,
                                   gint64              notice_id,
                                   gint64              expected_row_version,
                                   const GkNoticePlan *plan,
                                   GPtrArray         **warnings,
                                   GError            **error);

gboolean  gk_workflow_act         (GkDatabase         *db,
                                   gint64              actor_id,
                                   gint64              notice_id,
                                   GkAction            action,
                                   const GkStepArgs   *args,
                                   GError            **error);

/* Who may act on the notice now, and with which step: person ids (gint64).
 * Empty for a finished notice. */
GArray   *gk_workflow_waiting_for (GkDatabase         *db,
                                   gint64              notice_id,
                                   GkAction           *next,
                                   GError            **error);

/* The steps PERSON may take on the notice now, as a bit mask of
 * 1 << GkAction; editing is allowed when GK_WORKFLOW_CAN_EDIT is set. */
#define GK_WORKFLOW_CAN_EDIT (1u << GK_N_ACTIONS)
guint     gk_workflow_allowed     (GkDatabase         *db,
                                   gint64              notice_id,
                                   gint64              person_id);

/* SHA-256 over a canonical form of the plan: organization, item, title,
 * body, audiences, date, methods, layout, flags. */
char     *gk_workflow_content_sha256 (GkDatabase      *db,
                                      gint64           notice_id,
                                      GError         **error);
/* The same with the statement prepared once, for writers of many notices
 * (gk-scale.c): prepare, then step it for each notice. */
sqlite3_stmt *gk_workflow_prepare_content_sha256 (GkDatabase    *db,
                                                  GError       **error);
char     *gk_workflow_step_content_sha256 (GkDatabase      *db,
                                           sqlite3_stmt    *stmt,
                                           gint64           notice_id,
                                           GError         **error);

G_END_DECLS
