/* gk-scale.c: `gongkai-cli init DB --demo --scale N`, years of history
 *
 * Speed comes from writing rows directly with statements prepared once,
 * in one transaction, instead of going through the workflow step by step
 * (which checks, re-reads and re-prepares at every step): 100 000 notices
 * take about half a minute, not hours; the search indexes are filled last,
 * in two statements (gk_search_index_new_notices() says why). The rows
 * are those the workflow would write — the same states, history events,
 * reviews, decisions, stages, approval hashes and audit events — so that
 * every invariant the tests check of a real file holds of a generated one.
 *
 * Every notice's steps are collected first, then written in the order of
 * their moments, so that the history and the audit log read as ten years
 * of work. Randomness comes from a GRand with a fixed seed and dates from
 * a fixed base date: the same N gives the same rows (the template's own
 * audit events carry the time the file was made, and so the hashes of
 * the chain differ from one file to the next).
 */

#include <glib/gi18n-lib.h>
#include <string.h>
#include <time.h>

#include "core/gk-audit.h"
#include "core/gk-catalog.h"
#include "core/gk-core-error.h"
#include "core/gk-directory.h"
#include "core/gk-scale.h"
#include "core/gk-search.h"
#include "core/gk-workflow.h"

#define SCALE_SEED      20250630
#define BASE_YEAR       2025
#define BASE_MONTH      6
#define BASE_DAY        30
#define HISTORY_DAYS    3650
#define N_ITEMS         2000

GDateTime *
gk_scale_base_date (void)
{
  return g_date_time_new_local (BASE_YEAR, BASE_MONTH, BASE_DAY, 12, 0, 0);
}

/* ---- what is generated ---- */

static const struct
{
  const char *name;
  const char *short_name;
} colleges[] = {
  { "物理与电子工程学院", "物电学院" },
  { "化学化工学院", "化工学院" },
  { "生物科学与技术学院", "生科学院" },
  { "外国语学院", "外语学院" },
  { "历史文化学院", "历文学院" },
  { "教育科学学院", "教科学院" },
  { "体育学院", "体育学院" },
  { "美术学院", "美术学院" },
  { "音乐学院", "音乐学院" },
  { "经济管理学院", "经管学院" },
  { "马克思主义学院", "马院" },
  { "机械工程学院", "机械学院" },
  { "土木工程学院", "土木学院" },
  { "城市与环境学院", "城环学院" },
};

static const struct
{
  const char *name;       /* after the college's name */
  const char *short_name; /* after the college's short name */
} branches[] = {
  { "教工支部委员会", "教工党支部" },
  { "学生第一支部委员会", "学生第一党支部" },
  { "学生第二支部委员会", "学生第二党支部" },
};

static const char * const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "朱", "马", "胡",
  "郭", "林", "何", "高", "梁", "郑", "罗", "宋", "谢", "唐", "韩", "曹", "许", "邓", "冯",
};
static const char * const given_names[] = {
  "建国", "晓明", "丽华", "志远", "海燕", "文静", "国强", "春梅", "振华", "晓东", "雅琴", "宏伟",
  "秀兰", "永刚", "丹丹", "俊杰", "玉珍", "立新", "红霞", "子涵", "明轩", "淑芬", "德华", "晓燕",
};

static const char * const categories[] = {
  "组织建设", "党员发展", "党员教育管理", "党费收缴使用", "思想政治工作", "党风廉政建设", "民主管理",
};

static const char * const topics[] = {
  "总支年度工作计划", "总支年度工作总结", "党支部设置及调整情况", "党支部换届选举结果", "党员发展计划",
  "入党积极分子名单", "发展对象名单", "预备党员接收情况", "预备党员转正情况", "党费收缴标准",
  "党费收缴情况", "党费使用情况", "民主评议党员结果", "优秀共产党员评选结果", "组织生活会召开情况",
  "三会一课开展情况", "主题党日活动安排", "党员教育培训计划", "理论学习安排", "意识形态工作责任制落实情况",
  "党风廉政建设责任制落实情况", "领导班子民主生活会情况", "干部选拔任用情况", "评奖评优结果", "困难党员慰问情况",
  "党组织关系转接情况", "流动党员管理情况", "教职工代表大会决议", "学生党员先锋岗设置", "党建工作述职评议结果",
  "巡察整改落实情况", "重大事项决策情况", "经费预算执行情况", "师德师风建设情况", "党支部书记述职情况",
  "党员先锋示范岗评选", "双带头人培育情况", "支部标准化建设情况", "党员志愿服务情况", "群众意见处理情况",
  "统战工作开展情况", "工会和共青团工作情况", "离退休党员工作情况", "安全稳定工作情况", "毕业生党员教育情况",
};
static const char * const topic_prefixes[] = { "", "教工", "学生" };

/* Mostly yearly and on events, as in the 2020 annex; few monthly. */
static const char * const cadences[] = {
  "yearly:12-31", "on-event:5", "yearly-after:01-31", "on-event:10", "per-term", "yearly:06-30",
  "half-yearly", "on-event:5", "yearly:12-31", "quarterly", "on-event:10", "yearly-after:01-31",
  "per-term", "on-event:5", "yearly:12-31", "half-yearly", "on-event:10", "once", "yearly:06-30",
  "on-event:5", "yearly:12-31", "per-term", "on-event:10", "yearly-after:01-31", "monthly",
};

static const char * const revision_reasons[] = {
  "根据上级党委新要求调整", "按年度党务公开目录动态调整", "合并相近公开事项", "调整公开时限，便于按期公开",
};

static const char * const audience_names[] = { "全体党员", "相关党组织党员", "全体教职工", "全校师生" };
static const char * const method_names[] = { "会议", "文件", "OA系统", "校园局域网", "公开栏" };

static const char * const title_patterns[] = {
  "%d年%s%s", "关于%2$s%3$s的公示（%1$d年）", "%2$s%1$d年%3$s通报", "%2$s%3$s（%1$d年度）",
};

static const char * const body_facts[] = {
  "一、基本情况。%s现有党员%u名，其中正式党员%u名、预备党员%u名，本期新发展党员%u名。",
  "一、工作开展情况。本期%s召开支部委员会%u次、党员大会%u次，开展主题党日活动%u次，参加党员%u人次。",
  "一、经费情况。本期%s收缴党费%u元，支出%u元，结余%u元，支出主要用于党员教育培训和慰问困难党员%u人次。",
  "一、评议情况。%s共%u名党员参加民主评议，评定为优秀的%u名、合格的%u名，提出意见建议%u条。",
};

static const char * const return_notes[] = {
  "公开范围写得不清楚，请补充后再提交。", "请补充具体数据和时间节点。", "请核对党员人数，与组织部统计不一致。",
};
static const char * const withdraw_notes[] = { "内容与上期重复，撤回。", "待学院党政联席会研究后再提出。" };
static const char * const reject_notes[] = { "涉及个人信息，不宜在此范围公开。", "事项尚在研究，暂不公开。" };
static const char * const review_risks[] = { "低", "低", "低", "中" };

/* ---- state ---- */

typedef enum
{
  LEVEL_SCHOOL,
  LEVEL_GENERAL_BRANCH,
  LEVEL_BRANCH,
} Level;

typedef struct
{
  gint64  id;
  char   *topic;    /* the item's content, short enough for a title */
} Item;

typedef struct
{
  gint64     id;
  Level      level;
  char      *name;       /* short name */
  gint64     proposer;
  gint64     reviewer;
  gint64     approver;
  char      *contact;    /* the proposer's name */
  GPtrArray *items;      /* Item, borrowed from a catalog */
} Org;

typedef enum
{
  EVENT_NOTICE,
  EVENT_REVISION,
} EventKind;

/* One step of one notice, or one revision of one item, at its moment. */
typedef struct
{
  gint64      at;        /* Unix time */
  guint       sequence;  /* the order of making, for equal moments */
  EventKind   kind;
  gint64      subject;   /* notice or item id */
  gint64      actor;
  const char *action;    /* a notice's: create, submit …; a revision's: the field */
  const char *from;      /* state, or NULL */
  const char *to;
  char       *note;      /* a notice's note; a revision's new value */
  char       *old_value; /* a revision's */
  const char *reason;
} Event;

typedef struct
{
  GkDatabase      *db;
  guint            n_notices;
  GRand           *rand;
  GDate            base;
  gint64           base_time;
  GPtrArray       *orgs;        /* Org */
  GPtrArray       *catalogs;    /* GPtrArray of Item, one per general branch */
  GArray          *events;      /* Event */
  GHashTable      *used_names;
  GHashTable      *json;        /* "to\x1fnote" → new_json of a notice event */
  gint64           party_office;
  gint64           audiences[G_N_ELEMENTS (audience_names)];
  gint64           methods[G_N_ELEMENTS (method_names)];
  guint            n_people;
  guint            n_decisions;
  GkAuditWriter   *audit;
  sqlite3_stmt    *insert_notice;
  sqlite3_stmt    *insert_audience;
  sqlite3_stmt    *insert_method;
  sqlite3_stmt    *insert_review;
  sqlite3_stmt    *insert_decision;
  sqlite3_stmt    *insert_stage;
  sqlite3_stmt    *approve;
  sqlite3_stmt    *insert_event;
  sqlite3_stmt    *insert_revision;
  sqlite3_stmt    *item_version;
  sqlite3_stmt    *content_hash;
} Scale;

static void
item_free (Item *item)
{
  g_free (item->topic);
  g_free (item);
}

static void
org_free (Org *org)
{
  g_free (org->name);
  g_free (org->contact);
  g_clear_pointer (&org->items, g_ptr_array_unref);
  g_free (org);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Org, org_free)

static void
event_clear (Event *event)
{
  g_free (event->note);
  g_free (event->old_value);
}

static void
scale_clear (Scale *scale)
{
  sqlite3_stmt **statements[] = {
    &scale->insert_notice, &scale->insert_audience, &scale->insert_method, &scale->insert_review,
    &scale->insert_decision, &scale->insert_stage, &scale->approve, &scale->insert_event,
    &scale->insert_revision, &scale->item_version,
    &scale->content_hash,
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    g_clear_pointer (statements[i], sqlite3_finalize);
  g_clear_pointer (&scale->audit, gk_audit_writer_free);
  g_clear_pointer (&scale->orgs, g_ptr_array_unref);
  g_clear_pointer (&scale->catalogs, g_ptr_array_unref);
  g_clear_pointer (&scale->events, g_array_unref);
  g_clear_pointer (&scale->used_names, g_hash_table_unref);
  g_clear_pointer (&scale->json, g_hash_table_unref);
  g_clear_pointer (&scale->rand, g_rand_free);
}

static guint
draw (Scale *scale,
      guint  lowest,
      guint  highest)
{
  return (guint) g_rand_int_range (scale->rand, (gint32) lowest, (gint32) highest + 1);
}

static gboolean
chance (Scale  *scale,
        double  probability)
{
  return g_rand_double (scale->rand) < probability;
}

#define PICK(scale, array) ((array)[draw ((scale), 0, G_N_ELEMENTS (array) - 1)])

/* Unix time of a moment on DAYS before the base date, in office hours
 * (Beijing, UTC+8). */
static gint64
moment (Scale *scale,
        gint   days_before)
{
  return scale->base_time - (gint64) days_before * 86400 + draw (scale, 0, 9 * 3600);
}

static void
format_time (gint64  at,
             char   *buffer,
             gsize   size)
{
  time_t t = (time_t) at;
  struct tm tm;

  gmtime_r (&t, &tm);
  g_snprintf (buffer, size, "%04d-%02d-%02dT%02d:%02d:%02dZ",
              tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* The local date of a moment, YYYY-MM-DD. */
static char *
date_of (gint64 at)
{
  time_t t = (time_t) at + 8 * 3600;
  struct tm tm;

  gmtime_r (&t, &tm);
  return g_strdup_printf ("%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static int
year_of (gint64 at)
{
  time_t t = (time_t) at + 8 * 3600;
  struct tm tm;

  gmtime_r (&t, &tm);
  return tm.tm_year + 1900;
}

static Event *
add_event (Scale      *scale,
           EventKind   kind,
           gint64      at,
           gint64      subject,
           gint64      actor,
           const char *action)
{
  Event event = {
    .at = at, .sequence = scale->events->len, .kind = kind,
    .subject = subject, .actor = actor, .action = action,
  };

  g_array_append_val (scale->events, event);
  return &g_array_index (scale->events, Event, scale->events->len - 1);
}

/* ---- the directory and the catalogs ---- */

static gint64
add_person (Scale       *scale,
            const char  *title,
            GError     **error)
{
  g_autofree char *name = NULL;

  do
    {
      guint n = scale->n_people++;

      g_free (name);
      name = g_strconcat (surnames[n % G_N_ELEMENTS (surnames)],
                          given_names[(n / G_N_ELEMENTS (surnames) + n * 7) % G_N_ELEMENTS (given_names)],
                          n >= G_N_ELEMENTS (surnames) * G_N_ELEMENTS (given_names) ? "（二）" : "", NULL);
    }
  while (g_hash_table_contains (scale->used_names, name));

  g_hash_table_add (scale->used_names, g_strdup (name));
  return gk_directory_add_person (scale->db, name, title, NULL, error);
}

static gboolean
load_used_names (Scale   *scale,
                 GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (scale->db, "SELECT name FROM people", error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (scale->used_names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  return TRUE;
}

static gboolean
add_colleges (Scale   *scale,
              GError **error)
{
  GkDatabase *db = scale->db;
  gint64 committee = gk_directory_find_organization (db, "党委", error);

  if (committee == 0)
    return FALSE;

  for (guint c = 0; c < G_N_ELEMENTS (colleges); c++)
    {
      g_autofree char *general_name = g_strdup_printf ("中共晋中学院%s总支部委员会", colleges[c].name);
      g_autofree char *general_short = g_strdup_printf ("%s党总支", colleges[c].short_name);
      g_autofree char *secretary_title = g_strdup_printf ("%s党总支书记", colleges[c].name);
      g_autofree char *deputy_title = g_strdup_printf ("%s党总支副书记", colleges[c].name);
      gint64 general, department, secretary, deputy;

      general = gk_directory_add_organization (db, general_name, general_short, "general-branch", committee, error);
      if (general == 0)
        return FALSE;
      department = gk_directory_add_organization (db, colleges[c].name,
                                                  g_str_equal (colleges[c].name, colleges[c].short_name)
                                                  ? NULL : colleges[c].short_name,
                                                  "department", general, error);
      secretary = department ? add_person (scale, secretary_title, error) : 0;
      deputy = secretary ? add_person (scale, deputy_title, error) : 0;
      if (deputy == 0 ||
          !gk_directory_add_role (db, secretary, general, "secretary", error) ||
          !gk_directory_add_role (db, deputy, general, "deputy-secretary", error) ||
          !gk_directory_add_role (db, deputy, department, "staff", error))
        return FALSE;

      for (guint b = 0; b < G_N_ELEMENTS (branches); b++)
        {
          g_autofree char *name = g_strdup_printf ("中共晋中学院%s%s", colleges[c].name, branches[b].name);
          g_autofree char *short_name = g_strdup_printf ("%s%s", colleges[c].short_name, branches[b].short_name);
          g_autofree char *title = g_strdup_printf ("%s书记", short_name);
          g_autofree char *member_title = g_strdup_printf ("%s组织委员", short_name);
          gint64 branch = gk_directory_add_organization (db, name, short_name, "branch", general, error);
          gint64 branch_secretary = branch ? add_person (scale, title, error) : 0;
          gint64 member = branch_secretary ? add_person (scale, member_title, error) : 0;

          if (member == 0 ||
              !gk_directory_add_role (db, branch_secretary, branch, "secretary", error) ||
              !gk_directory_add_role (db, member, branch, "committee-member", error))
            return FALSE;
        }
    }
  return TRUE;
}

/* The first column of the first row of SQL with ?1 bound to ARGUMENT; 0
 * when there is none. */
static gint64
query_id (GkDatabase *db,
          const char *sql,
          gint64      argument)
{
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, sql, NULL);

  g_return_val_if_fail (stmt != NULL, 0);
  sqlite3_bind_int64 (stmt, 1, argument);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static char *
query_text (GkDatabase *db,
            const char *sql,
            gint64      argument)
{
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, sql, NULL);

  g_return_val_if_fail (stmt != NULL, NULL);
  sqlite3_bind_int64 (stmt, 1, argument);
  return sqlite3_step (stmt) == SQLITE_ROW ? g_strdup ((const char *) sqlite3_column_text (stmt, 0)) : NULL;
}

#define ROLE_SQL(role) "SELECT person_id FROM roles WHERE organization_id = ?1 AND role = '" role "' ORDER BY person_id LIMIT 1"

/* Who proposes, reviews and approves for each organization, following
 * the routes of DESIGN §3; organizations without all three are left out. */
static gboolean
load_orgs (Scale   *scale,
           GError **error)
{
  GkDatabase *db = scale->db;
  g_autoptr(sqlite3_stmt) stmt =
    gk_database_prepare (db,
                         "SELECT id, kind, coalesce (short_name, name) FROM organizations"
                         " WHERE kind IN ('department', 'general-branch', 'branch') ORDER BY id",
                         error);

  if (stmt == NULL)
    return FALSE;
  scale->party_office = query_id (db, "SELECT person_id FROM roles WHERE role = 'party-office'"
                                      " AND person_id > ?1 ORDER BY person_id LIMIT 1", 0);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(Org) org = g_new0 (Org, 1);
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);

      org->id = sqlite3_column_int64 (stmt, 0);
      org->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      if (g_str_equal (kind, "department"))
        {
          org->level = LEVEL_SCHOOL;
          org->proposer = query_id (db, ROLE_SQL ("staff"), org->id);
          org->reviewer = query_id (db, ROLE_SQL ("principal"), org->id);
          org->approver = query_id (db, "SELECT person_id FROM oversight WHERE organization_id = ?1"
                                            " ORDER BY person_id LIMIT 1", org->id);
        }
      else if (g_str_equal (kind, "general-branch"))
        {
          org->level = LEVEL_GENERAL_BRANCH;
          org->proposer = query_id (db, ROLE_SQL ("deputy-secretary"), org->id);
          org->reviewer = org->approver = query_id (db, ROLE_SQL ("secretary"), org->id);
        }
      else
        {
          org->level = LEVEL_BRANCH;
          org->proposer = query_id (db, ROLE_SQL ("committee-member"), org->id);
          org->reviewer = org->approver = query_id (db, ROLE_SQL ("secretary"), org->id);
        }
      if (org->proposer == 0 || org->reviewer == 0 || org->approver == 0 || org->proposer == org->reviewer)
        continue;
      org->contact = query_text (db, "SELECT name FROM people WHERE id = ?1", org->proposer);
      g_ptr_array_add (scale->orgs, g_steal_pointer (&org));
    }
  if (scale->orgs->len == 0)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("The database has no organization whose plans someone may propose, review and approve"));
      return FALSE;
    }
  return TRUE;
}

/* The first words of an item's content: short enough for a title. */
static char *
short_topic (const char *content)
{
  static const char * const stops[] = { "、", "，", ",", "（", "(", "；", "。" };
  const char *end = content + strlen (content);

  for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
    {
      const char *stop = strstr (content, stops[i]);

      if (stop != NULL && stop > content && stop < end)
        end = stop;
    }
  if (g_utf8_strlen (content, end - content) > 16)
    end = g_utf8_offset_to_pointer (content, 16);
  return g_strndup (content, end - content);
}

static GPtrArray *
load_items (GkDatabase  *db,
            gint64       catalog_id,
            GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  g_autoptr(sqlite3_stmt) stmt =
    gk_database_prepare (db, "SELECT id, content FROM catalog_items WHERE catalog_id = ? AND active ORDER BY number", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, catalog_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Item *item = g_new0 (Item, 1);

      item->id = sqlite3_column_int64 (stmt, 0);
      item->topic = short_topic ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (items, item);
    }
  return g_steal_pointer (&items);
}

/* The revisions of one item: VALUES[0] → … → VALUES[n], the last being
 * what the item says now, each at its moment over the ten years. */
static void
add_revisions (Scale       *scale,
               gint64       item_id,
               gint64       actor,
               const char  *field,
               const char **values,
               guint        n_values)
{
  gint days = HISTORY_DAYS - (gint) draw (scale, 30, 400);

  for (guint i = 1; i < n_values; i++)
    {
      Event *event;

      days -= (gint) draw (scale, 60, (guint) MAX (61, days / (gint) n_values));
      if (days < 1)
        days = 1;
      event = add_event (scale, EVENT_REVISION, moment (scale, days), item_id, actor, field);
      event->old_value = g_strdup (values[i - 1]);
      event->note = g_strdup (values[i]);
      event->reason = PICK (scale, revision_reasons);
    }
}

/* The first cadence from INDEX on that is not NOT. */
static const char *
other_cadence (guint       index,
               const char *not)
{
  while (g_str_equal (cadences[index % G_N_ELEMENTS (cadences)], not))
    index++;
  return cadences[index % G_N_ELEMENTS (cadences)];
}

static gboolean
add_catalog (Scale    *scale,
             Org      *general,
             guint     n_items,
             GError  **error)
{
  GkDatabase *db = scale->db;
  gint64 catalog_id = gk_catalog_get_for_organization (db, general->id, NULL);
  gint64 category_ids[G_N_ELEMENTS (categories)];
  g_autoptr(GArray) responsible = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint first_number = 1;

  if (catalog_id == 0 && (catalog_id = gk_catalog_create (db, general->id, error)) == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if ((category_ids[i] = gk_catalog_ensure_category (db, catalog_id, categories[i], error)) == 0)
      return FALSE;
  {
    g_autoptr(sqlite3_stmt) last = gk_database_prepare (db, "SELECT coalesce (max (number), 0) + 1 FROM catalog_items"
                                                            " WHERE catalog_id = ?", error);

    if (last == NULL)
      return FALSE;
    sqlite3_bind_int64 (last, 1, catalog_id);
    if (sqlite3_step (last) == SQLITE_ROW)
      first_number = (guint) sqlite3_column_int (last, 0);
  }
  g_array_append_val (responsible, general->id);

  for (guint k = 0; k < n_items; k++)
    {
      guint topic = k % G_N_ELEMENTS (topics);
      g_autofree char *content = g_strconcat (topic_prefixes[k / G_N_ELEMENTS (topics) % G_N_ELEMENTS (topic_prefixes)],
                                              topics[topic], NULL);
      g_autofree char *draft = g_strconcat (content, "及有关说明", NULL);
      const char *cadence = cadences[(topic + k / 7) % G_N_ELEMENTS (cadences)];
      g_autoptr(GArray) audiences = g_array_new (FALSE, FALSE, sizeof (gint64));
      guint n_revisions = chance (scale, 0.35) ? draw (scale, 1, 3) : 0;
      gint64 item_id;

      g_array_append_val (audiences, scale->audiences[k % 2]);
      if (k % 3 == 0)
        g_array_append_val (audiences, scale->audiences[2 + k % 2]);
      item_id = gk_catalog_add_item (db, catalog_id, category_ids[topic % G_N_ELEMENTS (categories)],
                                     first_number + k, content, responsible, audiences, cadence, error);
      if (item_id == 0)
        return FALSE;

      /* Its history: first the wording, then the cadence changed. */
      if (n_revisions > 0)
        {
          const char *wordings[] = { draft, content };
          const char *before = other_cadence (topic + k / 7 + 3, cadence);
          const char *timings[] = { other_cadence (topic + k / 7 + 5, before), before, cadence };

          add_revisions (scale, item_id, general->approver, "content", wordings, 2);
          if (n_revisions > 1)
            add_revisions (scale, item_id, general->approver, "cadence", timings + (3 - n_revisions), n_revisions);
          sqlite3_bind_int (scale->item_version, 1, (int) n_revisions + 1);
          sqlite3_bind_int64 (scale->item_version, 2, item_id);
          if (!gk_database_step_done (db, scale->item_version, error))
            return FALSE;
          sqlite3_reset (scale->item_version);
        }
    }

  general->items = load_items (db, catalog_id, error);
  if (general->items == NULL)
    return FALSE;
  g_ptr_array_add (scale->catalogs, g_ptr_array_ref (general->items));
  return TRUE;
}

static gboolean
add_catalogs (Scale   *scale,
              GError **error)
{
  g_autoptr(GPtrArray) generals = g_ptr_array_new ();
  g_autoptr(GPtrArray) school_items = NULL;
  gint64 committee_catalog = gk_catalog_get_default (scale->db, error);

  if (committee_catalog == 0 || (school_items = load_items (scale->db, committee_catalog, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < scale->orgs->len; i++)
    {
      Org *org = g_ptr_array_index (scale->orgs, i);

      if (org->level == LEVEL_GENERAL_BRANCH)
        g_ptr_array_add (generals, org);
      else if (org->level == LEVEL_SCHOOL)
        org->items = g_ptr_array_ref (school_items);
    }
  for (guint i = 0; i < generals->len; i++)
    if (!add_catalog (scale, g_ptr_array_index (generals, i),
                      N_ITEMS / generals->len + (i < N_ITEMS % generals->len), error))
      return FALSE;

  /* A branch discloses the items of its general branch's catalog. */
  for (guint i = 0; i < scale->orgs->len; i++)
    {
      Org *org = g_ptr_array_index (scale->orgs, i);
      gint64 parent;

      if (org->level != LEVEL_BRANCH)
        continue;
      parent = query_id (scale->db, "SELECT parent_id FROM organizations WHERE id = ?1", org->id);
      for (guint g = 0; g < generals->len; g++)
        if (((Org *) g_ptr_array_index (generals, g))->id == parent)
          org->items = g_ptr_array_ref (((Org *) g_ptr_array_index (generals, g))->items);
    }
  for (guint i = scale->orgs->len; i > 0; i--)
    if (((Org *) g_ptr_array_index (scale->orgs, i - 1))->items == NULL ||
        ((Org *) g_ptr_array_index (scale->orgs, i - 1))->items->len == 0)
      g_ptr_array_remove_index (scale->orgs, i - 1);
  return TRUE;
}

/* ---- notices ---- */

static char *
make_body (Scale      *scale,
           const Org  *org,
           const char *topic,
           int         year,
           const char *deadline)
{
  GString *body = g_string_new (NULL);
  guint a = draw (scale, 12, 160), b = draw (scale, 2, 30), c = draw (scale, 1, 12), d = draw (scale, 1, 9);

  g_string_append_printf (body, "根据《中共晋中学院委员会党务公开实施办法》和党务公开目录，现将%s%d年%s公开如下。\n",
                          org->name, year, topic);
  g_string_append_printf (body, PICK (scale, body_facts), org->name, a, a - MIN (a - 1, b), MIN (a - 1, b), c, d);
  g_string_append_printf (body, "\n二、有关要求。请全体党员和师生监督，如有意见建议，请于%s前向%s反映。联系人：%s。",
                          deadline, org->name, org->contact ? org->contact : org->name);
  return g_string_free (body, FALSE);
}

static gboolean
bind_done (Scale         *scale,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  gboolean ok = gk_database_step_done (scale->db, stmt, error);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

/* The script of a notice's steps, one letter each (as in gk-demo.c):
 * S submit, V review, A approve, E escalate, D the committee approves,
 * B publish, R return, e the proposer edits, X reject, W withdraw. */
static const char *
pick_script (Scale    *scale,
             gboolean  major)
{
  double roll = g_rand_double (scale->rand);

  if (major)
    return "SVEDB";
  if (roll < 0.005)
    return "";
  if (roll < 0.05)
    return "SW";
  if (roll < 0.07)
    return "SX";
  if (roll < 0.09)
    return "SVX";
  if (roll < 0.19)
    return "SReSVAB";
  return "SVAB";
}

typedef struct
{
  gint64      id;
  const Org  *org;
  char       *title;
  char       *planned;
  gint64      audiences[2];
  gint64      methods[2];
  guint       n_audiences;
  guint       n_methods;
  gboolean    major;
} Notice;

/* The names of IDS (N of them) from ALL and NAMES (N_ALL of each). */
static char *
names_of (const gint64       *ids,
          guint               n,
          const gint64       *all,
          const char * const *names,
          guint               n_all)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n_all; j++)
      if (all[j] == ids[i])
        {
          if (out->len > 0)
            g_string_append (out, "、");
          g_string_append (out, names[j]);
        }
  return g_string_free (out, FALSE);
}

/* Where step CODE leads from state FROM. */
static const char *
state_after (char        code,
             const char *from)
{
  switch (code)
    {
    case 'S': return "submitted";
    case 'V': return "reviewed";
    case 'A': case 'D': return "approved";
    case 'E': return "escalated";
    case 'B': return "published";
    case 'R': return "returned";
    case 'X': return "rejected";
    case 'W': return "withdrawn";
    case 'e': return from;
    default: g_assert_not_reached ();
    }
}

/* Writes the side records of step CODE (reviews, decisions, stages,
 * approvals) and queues its history event. */
static gboolean
take_step (Scale       *scale,
           Notice      *notice,
           char         code,
           const char  *from,
           gint64       at,
           GError     **error)
{
  const Org *org = notice->org;
  g_autofree char *date = date_of (at);
  char stamp[32];
  gint64 actor = org->proposer;
  const char *action;
  char *note = NULL;

  format_time (at, stamp, sizeof stamp);
  switch (code)
    {
    case 'S':
      action = "submit";
      break;
    case 'V':
      action = "review";
      actor = org->reviewer;
      {
        const char *risk = PICK (scale, review_risks);

        sqlite3_bind_int64 (scale->insert_review, 1, notice->id);
        sqlite3_bind_int64 (scale->insert_review, 2, actor);
        sqlite3_bind_text (scale->insert_review, 3, stamp, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (scale->insert_review, 4, g_str_equal (risk, "中") ? "medium" : "low", -1, SQLITE_STATIC);
        if (!bind_done (scale, scale->insert_review, error))
          return FALSE;
        note = g_strdup_printf ("保密审查：通过；必要性：通过；准确性：通过；风险评估：%s", risk);
      }
      break;
    case 'A':
    case 'D':
      action = code == 'A' ? "approve" : "decide";
      actor = code == 'A' ? org->approver : scale->party_office;
      if (code == 'D')
        {
          g_autofree char *reference = g_strdup_printf ("党委常委会会议纪要〔%d〕%u号", year_of (at),
                                                        3 + 2 * (scale->n_decisions++ % 40));

          sqlite3_bind_int64 (scale->insert_decision, 1, notice->id);
          sqlite3_bind_text (scale->insert_decision, 2, date, -1, SQLITE_STATIC);
          sqlite3_bind_text (scale->insert_decision, 3, reference, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (scale->insert_decision, 4, actor);
          sqlite3_bind_text (scale->insert_decision, 5, stamp, -1, SQLITE_TRANSIENT);
          if (!bind_done (scale, scale->insert_decision, error))
            return FALSE;
          note = g_strdup_printf ("党委常委会 %s（%s）：同意公开", date, reference);
        }
      {
        /* As the CLI approves: the hash of the content, no PDF rendered. */
        g_autofree char *content = gk_workflow_step_content_sha256 (scale->db, scale->content_hash,
                                                                            notice->id, error);

        if (content == NULL)
          return FALSE;
        sqlite3_bind_text (scale->approve, 1, content, -1, SQLITE_STATIC);
        sqlite3_bind_int64 (scale->approve, 2, actor);
        sqlite3_bind_text (scale->approve, 3, stamp, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64 (scale->approve, 4, notice->id);
        if (!bind_done (scale, scale->approve, error))
          return FALSE;
      }
      break;
    case 'E':
      action = "escalate";
      actor = org->approver;
      break;
    case 'B':
      action = "publish";
      {
        g_autofree char *audiences = names_of (notice->audiences, notice->n_audiences,
                                               scale->audiences, audience_names, G_N_ELEMENTS (audience_names));
        g_autofree char *methods = names_of (notice->methods, notice->n_methods,
                                             scale->methods, method_names, G_N_ELEMENTS (method_names));

        sqlite3_bind_int64 (scale->insert_stage, 1, notice->id);
        sqlite3_bind_text (scale->insert_stage, 2, notice->planned, -1, SQLITE_STATIC);
        sqlite3_bind_text (scale->insert_stage, 3, audiences, -1, SQLITE_STATIC);
        sqlite3_bind_text (scale->insert_stage, 4, methods, -1, SQLITE_STATIC);
        sqlite3_bind_int64 (scale->insert_stage, 5, actor);
        sqlite3_bind_text (scale->insert_stage, 6, stamp, -1, SQLITE_TRANSIENT);
        if (!bind_done (scale, scale->insert_stage, error))
          return FALSE;
        note = g_strdup_printf ("%s 以%s方式向%s公开", notice->planned, methods, audiences);
      }
      break;
    case 'R':
      action = "return";
      actor = org->reviewer;
      note = g_strdup (PICK (scale, return_notes));
      break;
    case 'e':
      action = "edit";
      break;
    case 'X':
      action = "reject";
      actor = g_str_equal (from, "submitted") ? org->reviewer : org->approver;
      note = g_strdup_printf ("不予公开：依照有关规定不宜公开；%s", PICK (scale, reject_notes));
      break;
    case 'W':
      action = "withdraw";
      note = g_strdup (PICK (scale, withdraw_notes));
      break;
    default:
      g_assert_not_reached ();
    }

  {
    Event *event = add_event (scale, EVENT_NOTICE, at, notice->id, actor, action);

    event->from = from;
    event->to = state_after (code, from);
    event->note = note;
  }
  return TRUE;
}

static gboolean
add_notice (Scale   *scale,
            guint    index,
            guint    n_notices,
            GError **error)
{
  GkDatabase *db = scale->db;
  const Org *org = g_ptr_array_index (scale->orgs, draw (scale, 0, scale->orgs->len - 1));
  const Item *item = g_ptr_array_index (org->items, draw (scale, 0, org->items->len - 1));
  /* Spread evenly over the years, oldest first, as ids are given. */
  gint created_days = (gint) ((guint64) (n_notices - index) * HISTORY_DAYS / n_notices) + (gint) draw (scale, 0, 2);
  gint64 created = moment (scale, MAX (created_days, 1));
  gint64 times[8];
  int year = year_of (created);
  g_autofree char *deadline = NULL;
  g_autofree char *body = NULL;
  g_autofree char *created_stamp = NULL;
  const char *script;
  const char *state = "draft";
  char stamp[32];
  guint n_steps = 0;
  gint64 planned_at, last;
  Notice notice = { 0 };
  gboolean ok = FALSE;

  notice.org = org;
  notice.major = org->level == LEVEL_SCHOOL && scale->party_office > 0 && chance (scale, 0.05);
  notice.title = g_strdup_printf (PICK (scale, title_patterns), year, org->name, item->topic);
  script = pick_script (scale, notice.major);
  /* After every step before publication, which are 1–4 days apart. */
  planned_at = created + (gint64) (strlen (script) * 4 + draw (scale, 1, 10)) * 86400;
  notice.planned = date_of (planned_at);
  deadline = date_of (planned_at + 10 * 86400);
  body = make_body (scale, org, item->topic, year, deadline);
  notice.n_audiences = draw (scale, 1, 2);
  for (guint i = 0; i < notice.n_audiences; i++)
    notice.audiences[i] = scale->audiences[(index + i) % G_N_ELEMENTS (audience_names)];
  notice.n_methods = draw (scale, 1, 2);
  for (guint i = 0; i < notice.n_methods; i++)
    notice.methods[i] = scale->methods[(index * 3 + i) % G_N_ELEMENTS (method_names)];
  format_time (created, stamp, sizeof stamp);
  created_stamp = g_strdup (stamp);

  /* When the steps happen: publication on the planned day, and a step
   * that would fall after the base date has not happened yet. */
  last = created;
  for (const char *code = script; *code != '\0'; code++)
    {
      gint64 at = *code == 'B' ? planned_at : last + (gint64) draw (scale, 1, 4) * 86400;

      if (at >= scale->base_time)
        break;
      times[n_steps++] = last = at;
      state = state_after (*code, state);
    }
  format_time (last, stamp, sizeof stamp);

  /* The row as it is at the end, then what the steps leave behind. */
  sqlite3_bind_int64 (scale->insert_notice, 1, item->id);
  sqlite3_bind_int64 (scale->insert_notice, 2, org->id);
  sqlite3_bind_text (scale->insert_notice, 3, notice.title, -1, SQLITE_STATIC);
  sqlite3_bind_text (scale->insert_notice, 4, body, -1, SQLITE_STATIC);
  sqlite3_bind_text (scale->insert_notice, 5, notice.planned, -1, SQLITE_STATIC);
  sqlite3_bind_text (scale->insert_notice, 6, notice.major ? "redhead" : "bulletin", -1, SQLITE_STATIC);
  sqlite3_bind_int (scale->insert_notice, 7, notice.major);
  sqlite3_bind_int64 (scale->insert_notice, 8, org->proposer);
  sqlite3_bind_text (scale->insert_notice, 9, created_stamp, -1, SQLITE_STATIC);
  sqlite3_bind_text (scale->insert_notice, 10, state, -1, SQLITE_STATIC);
  sqlite3_bind_int (scale->insert_notice, 11, (int) n_steps + 1);
  sqlite3_bind_text (scale->insert_notice, 12, stamp, -1, SQLITE_STATIC);
  if (g_str_equal (state, "published"))
    sqlite3_bind_text (scale->insert_notice, 13, notice.planned, -1, SQLITE_STATIC);
  if (!bind_done (scale, scale->insert_notice, error))
    goto out;
  notice.id = sqlite3_last_insert_rowid (gk_database_get_handle (db));

  for (guint i = 0; i < notice.n_audiences; i++)
    {
      sqlite3_bind_int64 (scale->insert_audience, 1, notice.id);
      sqlite3_bind_int64 (scale->insert_audience, 2, notice.audiences[i]);
      sqlite3_bind_int (scale->insert_audience, 3, (int) i);
      if (!bind_done (scale, scale->insert_audience, error))
        goto out;
    }
  for (guint i = 0; i < notice.n_methods; i++)
    {
      sqlite3_bind_int64 (scale->insert_method, 1, notice.id);
      sqlite3_bind_int64 (scale->insert_method, 2, notice.methods[i]);
      sqlite3_bind_int (scale->insert_method, 3, (int) i);
      if (!bind_done (scale, scale->insert_method, error))
        goto out;
    }

  {
    Event *event = add_event (scale, EVENT_NOTICE, created, notice.id, org->proposer, "create");

    event->to = "draft";
    event->note = g_strdup (notice.title);
  }

  state = "draft";
  for (guint i = 0; i < n_steps; i++)
    {
      if (!take_step (scale, &notice, script[i], state, times[i], error))
        goto out;
      state = state_after (script[i], state);
    }
  ok = TRUE;

out:
  g_free (notice.title);
  g_free (notice.planned);
  return ok;
}

/* ---- the history, in the order it happened ---- */

static gint
event_compare (gconstpointer a,
               gconstpointer b)
{
  const Event *x = a, *y = b;

  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  return x->sequence < y->sequence ? -1 : x->sequence > y->sequence;
}

/* The new side of a notice event's audit record. Most notes repeat (the
 * review findings, the publication stages of a day): each JSON is built
 * once. */
static const char *
notice_json (Scale      *scale,
             const char *to,
             const char *note)
{
  g_autofree char *key = g_strdup_printf ("%s\x1f%s", to, note ? note : "\x1e");
  char *json = g_hash_table_lookup (scale->json, key);

  if (json == NULL)
    {
      json = gk_audit_json ("state", to, "note", note, NULL);
      g_hash_table_insert (scale->json, g_steal_pointer (&key), json);
    }
  return json;
}

static gboolean
write_event (Scale        *scale,
             const Event  *event,
             GError      **error)
{
  char stamp[32];

  format_time (event->at, stamp, sizeof stamp);

  if (event->kind == EVENT_REVISION)
    {
      g_autofree char *old_json = gk_audit_json (event->action, event->old_value, NULL);
      g_autofree char *new_json = gk_audit_json (event->action, event->note, "reason", event->reason, NULL);

      sqlite3_bind_int64 (scale->insert_revision, 1, event->subject);
      sqlite3_bind_text (scale->insert_revision, 2, stamp, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (scale->insert_revision, 3, event->actor);
      sqlite3_bind_text (scale->insert_revision, 4, event->reason, -1, SQLITE_STATIC);
      sqlite3_bind_text (scale->insert_revision, 5, event->action, -1, SQLITE_STATIC);
      sqlite3_bind_text (scale->insert_revision, 6, event->old_value, -1, SQLITE_STATIC);
      sqlite3_bind_text (scale->insert_revision, 7, event->note, -1, SQLITE_STATIC);
      return bind_done (scale, scale->insert_revision, error) &&
             gk_audit_writer_append (scale->audit, stamp, event->actor, "catalog-item", event->subject,
                                     "edit", old_json, new_json, error);
    }
  else
    {
      g_autofree char *old_json = event->from ? gk_audit_json ("state", event->from, NULL) : NULL;
      /* A creation's note is the title: never the same twice. */
      g_autofree char *created = g_str_equal (event->action, "create")
                                 ? gk_audit_json ("state", event->to, "note", event->note, NULL) : NULL;
      const char *new_json = created != NULL ? created : notice_json (scale, event->to, event->note);

      sqlite3_bind_int64 (scale->insert_event, 1, event->subject);
      sqlite3_bind_text (scale->insert_event, 2, stamp, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (scale->insert_event, 3, event->actor);
      sqlite3_bind_text (scale->insert_event, 4, event->action, -1, SQLITE_STATIC);
      sqlite3_bind_text (scale->insert_event, 5, event->from, -1, SQLITE_STATIC);
      sqlite3_bind_text (scale->insert_event, 6, event->to, -1, SQLITE_STATIC);
      sqlite3_bind_text (scale->insert_event, 7, event->note, -1, SQLITE_STATIC);
      return bind_done (scale, scale->insert_event, error) &&
             gk_audit_writer_append (scale->audit, stamp, event->actor, "notice", event->subject,
                                     event->action, old_json, new_json, error);
    }
}

/* ---- all of it ---- */

static gboolean
prepare_statements (Scale   *scale,
                    GError **error)
{
  const struct
  {
    sqlite3_stmt **stmt;
    const char    *sql;
  } statements[] = {
    { &scale->insert_notice,
      "INSERT INTO notices (item_id, organization_id, title, body, planned_date, layout, major, proposer_id,"
      "  created_at, state, row_version, updated_at, published_date)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)" },
    { &scale->insert_audience, "INSERT INTO notice_audiences (notice_id, audience_id, position) VALUES (?, ?, ?)" },
    { &scale->insert_method, "INSERT INTO notice_methods (notice_id, method_id, position) VALUES (?, ?, ?)" },
    { &scale->insert_review,
      "INSERT INTO notice_reviews (notice_id, reviewer_id, at, secrecy, necessity, accuracy, risk)"
      " VALUES (?1, ?2, ?3, 'ok', 'ok', 'ok', ?4)" },
    { &scale->insert_decision,
      "INSERT INTO notice_decisions (notice_id, body, meeting_date, reference, decision, recorded_by, at)"
      " VALUES (?1, 'standing-committee', ?2, ?3, 'approve', ?4, ?5)" },
    { &scale->insert_stage,
      "INSERT INTO notice_stages (notice_id, published_date, audiences, methods, recorded_by, at)"
      " VALUES (?, ?, ?, ?, ?, ?)" },
    { &scale->approve,
      "UPDATE notices SET content_sha256 = ?1, approval_sha256 = ?1, approved_by = ?2, approved_at = ?3 WHERE id = ?4" },
    { &scale->insert_event,
      "INSERT INTO notice_events (notice_id, at, person_id, action, from_state, to_state, note)"
      " VALUES (?, ?, ?, ?, ?, ?, ?)" },
    { &scale->insert_revision,
      "INSERT INTO item_revisions (item_id, at, person_id, reason, field, old_value, new_value)"
      " VALUES (?, ?, ?, ?, ?, ?, ?)" },
    { &scale->item_version, "UPDATE catalog_items SET row_version = ? WHERE id = ?" },

  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    if ((*statements[i].stmt = gk_database_prepare (scale->db, statements[i].sql, error)) == NULL)
      return FALSE;
  scale->content_hash = gk_workflow_prepare_content_sha256 (scale->db, error);
  return scale->content_hash != NULL;
}

static gboolean
find_vocabulary (Scale   *scale,
                 GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (audience_names); i++)
    if ((scale->audiences[i] = gk_directory_find_audience (scale->db, audience_names[i], error)) == 0)
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (method_names); i++)
    if ((scale->methods[i] = gk_directory_find_method (scale->db, method_names[i], error)) == 0)
      return FALSE;
  return TRUE;
}

static gboolean
populate (GkDatabase *db,
          gpointer    user_data,
          GError    **error)
{
  Scale *scale = user_data;
  g_autoptr(GDateTime) setup = NULL;
  gint64 first_id;

  /* The organization and its catalogs are set up before the history. */
  setup = g_date_time_new_from_unix_utc (scale->base_time - (gint64) (HISTORY_DAYS + 30) * 86400);
  gk_database_set_clock (db, setup);
  gk_database_set_actor (db, 0);
  if (!prepare_statements (scale, error) ||
      !find_vocabulary (scale, error) ||
      !load_used_names (scale, error) ||
      !add_colleges (scale, error) ||
      !load_orgs (scale, error) ||
      !add_catalogs (scale, error))
    return FALSE;

  first_id = query_id (db, "SELECT coalesce (max (id), 0) + 1 FROM notices WHERE id > ?1", 0);
  for (guint i = 0; i < scale->n_notices; i++)
    if (!add_notice (scale, i, scale->n_notices, error))
      return FALSE;

  if (!gk_search_index_new_notices (db, first_id, error))
    return FALSE;

  /* From here on every audit event goes through one writer. */
  scale->audit = gk_audit_writer_new (db, error);
  if (scale->audit == NULL)
    return FALSE;
  g_array_sort (scale->events, event_compare);
  for (guint i = 0; i < scale->events->len; i++)
    if (!write_event (scale, &g_array_index (scale->events, Event, i), error))
      return FALSE;
  return TRUE;
}

gboolean
gk_scale_populate (GkDatabase  *db,
                   guint        n_notices,
                   GError     **error)
{
  g_autoptr(GDateTime) base = g_date_time_new_utc (BASE_YEAR, BASE_MONTH, BASE_DAY, 0, 0, 0);
  Scale scale = { 0 };
  int cache_size = -2000;
  gboolean ok;

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (n_notices > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  scale.db = db;
  scale.n_notices = n_notices;
  scale.rand = g_rand_new_with_seed (SCALE_SEED);
  /* Office hours start at 08:00 Beijing time, 00:00 UTC. */
  scale.base_time = g_date_time_to_unix (base);
  scale.orgs = g_ptr_array_new_with_free_func ((GDestroyNotify) org_free);
  scale.catalogs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  scale.events = g_array_sized_new (FALSE, FALSE, sizeof (Event), n_notices * 6);
  g_array_set_clear_func (scale.events, (GDestroyNotify) event_clear);
  scale.used_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scale.json = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* A file this size does not fit the default page cache (2 MB): with
   * 256 MB while it is made, the indexes are kept in memory. */
  {
    g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, "PRAGMA cache_size", NULL);

    if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
      cache_size = sqlite3_column_int (stmt, 0);
  }
  gk_database_exec (db, "PRAGMA cache_size = -262144", NULL);

  ok = gk_database_write (db, populate, &scale, error);

  {
    g_autofree char *restore = g_strdup_printf ("PRAGMA cache_size = %d", cache_size);

    gk_database_exec (db, restore, NULL);
  }

  gk_database_set_clock (db, NULL);
  gk_database_set_actor (db, 0);
  scale_clear (&scale);
  return ok;
}
