/* gk-catalog-checklist.c: 第八–十一条 as data, and which items cover them */

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/gk-catalog.h"
#include "core/gk-catalog-checklist.h"
#include "core/gk-catalog-edit.h"
#include "core/gk-catalog-item.h"
#include "core/gk-core-error.h"
#include "core/gk-directory.h"

#define KEYWORDS(...) ((const char * const []) { __VA_ARGS__, NULL })

#define DECISIONS   "决策部署及落实情况"
#define BUILDING    "党的建设情况"
#define CADRES      "干部选任和管理情况"
#define SERVICE     "联系和服务党员群众情况"
#define INTEGRITY   "党风廉政建设情况"
#define RULES       "党内制度建设情况"
#define DISCIPLINE  "纪律教育和纪律建设情况"
#define ENFORCEMENT "监督执纪问责情况"
#define SELF        "自身建设情况"
#define OTHER       "其他应当公开的党务"

/* 第八条: 学校党委 */
static const GkRequirement committee[] = {
  { "第八条", 1, "学习贯彻党中央和上级决策部署",
    "学习贯彻党中央和上级决策部署，坚决维护以习近平同志为核心的党中央权威和集中统一领导情况",
    DECISIONS, "on-event:20;yearly-after:01-31",
    KEYWORDS ("中央", "上级", "方针政策", "决策部署") },
  { "第八条", 2, "重大决策和推进落实",
    "学校总体发展思路，事业发展规划，学校领导班子任期目标，学校年度工作要点、重大改革事项、重大民生举措等重大决策和推进落实情况，以及学校重大突发事件应急处置情况",
    DECISIONS, "yearly:03-31;yearly-after:01-31",
    KEYWORDS ("发展思路", "发展目标", "规划", "任期目标", "年度工作", "工作计划", "工作要点", "重大改革", "民生", "突发") },
  { "第八条", 3, "履行全面从严治党主体责任",
    "学校党委履行全面从严治党主体责任，履行党建工作责任制情况；坚持民主集中制原则，贯彻执行党委领导下的校长负责制，加强党的政治建设，严肃党内政治生活、维护政治生态、严肃党内问责等情况",
    BUILDING, "yearly-after:01-31",
    KEYWORDS ("从严治党", "主体责任", "党建工作责任制", "民主集中制", "校长负责制", "政治生活", "政治生态", "问责", "全委会", "常委会") },
  { "第八条", 4, "思想政治工作和党内学习教育",
    "加强思想政治工作和精神文明建设，开展党内学习教育，组织党员干部教育培训等情况",
    BUILDING, "half-yearly",
    KEYWORDS ("思想政治", "精神文明", "理论学习", "学习教育", "教育培训") },
  { "第八条", 5, "组织设置、党员管理和党费",
    "领导班子成员分工与职责，党委职能部门设置、职能配置情况，党委换届选举、党组织设立、发展党员、考核奖惩、评比表彰、召开民主生活会、保障党员权利、流动党员管理、党费收缴使用管理、党务工作经费使用以及党委自身建设等情况",
    BUILDING, "half-yearly",
    KEYWORDS ("分工", "设置", "职能配置", "换届", "党代表", "党组织设立", "发展党员", "党员发展", "考核", "奖惩",
              "评比", "表彰", "创先争优", "民主生活会", "民主评议", "党员权利", "流动党员", "党费", "党务工作经费", "自身建设") },
  { "第八条", 6, "干部选拔任用",
    "贯彻执行干部政策及干部工作制度情况，干部选拔任用的条件、程序和结果",
    CADRES, "on-event:5",
    KEYWORDS ("干部政策", "干部工作制度", "干部推荐", "选拔", "任用", "民主测评") },
  { "第八条", 7, "联系服务党员和群众",
    "防止和纠正“四风”现象，联系服务党员和群众情况，接待师生来信来访、排查化解矛盾纠纷，帮扶困难党员群众等情况",
    SERVICE, "yearly-after:01-31",
    KEYWORDS ("四风", "联系", "来信来访", "信访", "矛盾纠纷", "帮扶", "困难") },
  { "第八条", 8, "党风廉政建设和纪律处分",
    "落实管党治党政治责任，加强党风廉政建设，对党员作出组织处理和纪律处分情况",
    INTEGRITY, "on-event:10;yearly-after:03-31",
    KEYWORDS ("管党治党", "党风廉政", "述廉", "经济责任审计", "组织处理", "纪律处分", "案件") },
  { "第八条", 9, "党内制度建设",
    "党内制度建设和贯彻落实情况",
    RULES, "on-event:10",
    KEYWORDS ("党内制度", "制度建设", "党内法规") },
  { "第八条", 10, OTHER, OTHER, OTHER, "on-event:10", NULL },
};

/* 第九条: 党总支 */
static const GkRequirement general_branch[] = {
  { "第九条", 1, "学习贯彻中央和上级决策部署",
    "学习贯彻中央和上级决策部署，坚决维护以习近平同志为核心的党中央权威和集中统一领导情况",
    DECISIONS, "on-event:20;yearly-after:01-31",
    KEYWORDS ("中央", "上级", "方针政策") },
  { "第九条", 2, "学校重大工作的贯彻落实和工作目标",
    "对学校党政重大工作安排、重大改革事项、重大民生举措等决策部署的贯彻落实情况；任期工作任务目标、年度工作任务目标及落实情况",
    DECISIONS, "yearly:03-31;yearly-after:01-31",
    KEYWORDS ("重大工作", "重大改革", "民生", "任期", "年度工作", "工作任务", "工作计划", "工作要点") },
  { "第九条", 3, "履行全面从严治党主体责任",
    "履行全面从严治党主体责任，坚持民主生活会原则，贯彻执行党总支会议和党政联席会议制度情况，履行党建工作责任制，严肃党内政治生活，加强党员干部管理，严肃党内问责等情况",
    BUILDING, "yearly-after:01-31",
    KEYWORDS ("从严治党", "主体责任", "党总支会议", "党政联席会议", "党建工作责任制", "政治生活", "党员干部管理", "问责") },
  { "第九条", 4, "思想政治工作和党内学习教育",
    "加强思想政治工作、开展党内学习教育、组织党员教育培训情况",
    BUILDING, "half-yearly",
    KEYWORDS ("思想政治", "学习教育", "理论学习", "教育培训") },
  /* Not 民主生活会: (三) names it too, and its item would cover this point. */
  { "第九条", 5, "组织建设、党员管理和党费",
    "领导班子成员分工与职责情况，换届选举、党组织设立、发展党员、民主评议、召开民主生活会、保障党员权利、党费收缴使用管理以及党组织自身建设等情况",
    BUILDING, "half-yearly",
    KEYWORDS ("分工", "换届", "党组织设立", "发展党员", "党员发展", "民主评议", "党员权利", "党费", "自身建设") },
  { "第九条", 6, "作风建设和联系服务党员群众",
    "防止和纠正“四风”现象，加强师德师风建设、工作作风建设，联系服务党员和群众，排查化解矛盾纠纷，帮扶困难党员群众情况",
    SERVICE, "yearly-after:01-31",
    KEYWORDS ("四风", "师德师风", "作风建设", "联系", "矛盾纠纷", "帮扶", "困难") },
  { "第九条", 7, "党风廉政建设和纪律处分",
    "落实管党治党政治责任，加强党风廉政建设，对党员作出组织处理和纪律处分情况",
    INTEGRITY, "on-event:10;yearly-after:03-31",
    KEYWORDS ("管党治党", "党风廉政", "组织处理", "纪律处分") },
  { "第九条", 8, "党章党规党纪和党内制度的贯彻落实",
    "党章党规党纪及学校党内制度的贯彻落实情况",
    RULES, "yearly-after:01-31",
    KEYWORDS ("党章党规", "党纪", "党内制度") },
  { "第九条", 9, OTHER, OTHER, OTHER, "on-event:10", NULL },
};

/* 第十条: 党支部 */
static const GkRequirement branch[] = {
  { "第十条", 1, "学习贯彻中央和上级决策部署",
    "学习贯彻中央和上级的决策部署，坚决维护以习近平同志为核心的党中央权威和集中统一领导情况",
    DECISIONS, "on-event:20;yearly-after:01-31",
    KEYWORDS ("中央", "上级", "决策部署") },
  { "第十条", 2, "党内学习教育和“三会一课”",
    "加强思想政治工作、开展党内学习教育、组织党员教育培训及执行“三会一课”制度情况",
    BUILDING, "quarterly",
    KEYWORDS ("思想政治", "学习教育", "教育培训", "三会一课") },
  { "第十条", 3, "组织建设、党员管理和党费",
    "支部委员会成员分工与职责情况，换届选举、党组织设立、发展党员、民主评议、召开组织生活会、保障党员权利、党费收缴使用管理以及党支部自身建设等情况",
    BUILDING, "half-yearly",
    KEYWORDS ("分工", "换届", "党组织设立", "发展党员", "党员发展", "民主评议", "组织生活会", "党员权利", "党费", "自身建设") },
  { "第十条", 4, "作风建设和联系服务党员群众",
    "防止和纠正“四风”现象，加强师德师风建设、工作作风建设，联系服务党员和群众情况",
    SERVICE, "yearly-after:01-31",
    KEYWORDS ("四风", "师德师风", "作风建设", "联系", "帮扶", "困难") },
  { "第十条", 5, "党风廉政建设和纪律处分",
    "落实管党治党政治责任，加强党风廉政建设，对党员作出组织处理和纪律处分情况",
    INTEGRITY, "on-event:10",
    KEYWORDS ("管党治党", "党风廉政", "组织处理", "纪律处分") },
  { "第十条", 6, OTHER, OTHER, OTHER, "on-event:10", NULL },
};

/* 第十一条: 学校纪委和纪检监察部门. 党中央, not 中央: (三) speaks of
 * 中央八项规定 and would otherwise cover (一). */
static const GkRequirement discipline[] = {
  { "第十一条", 1, "学习贯彻党中央决策部署和上级工作部署",
    "学习贯彻党中央大政方针和重大决策部署，坚决维护以习近平同志为核心的党中央权威和集中统一领导，贯彻落实学校党委、上级纪律检查机关工作部署情况",
    DECISIONS, "yearly-after:01-31",
    KEYWORDS ("党中央", "上级", "决策部署", "工作部署") },
  { "第十一条", 2, "纪律教育和纪律建设",
    "开展纪律教育、加强纪律建设，维护党章党规党纪情况",
    DISCIPLINE, "half-yearly",
    KEYWORDS ("纪律教育", "纪律建设", "党章党规") },
  { "第十一条", 3, "查处不正之风和腐败问题",
    "查处违反中央八项规定精神及省委实施细则，发生在群众身边、影响恶劣的不正之风和腐败问题情况",
    ENFORCEMENT, "on-event:10",
    KEYWORDS ("八项规定", "不正之风", "腐败") },
  { "第十一条", 4, "立案审查和开除党籍处分",
    "对党员领导干部严重违纪涉嫌违法犯罪进行立案审查、组织审查和给予开除党籍处分情况",
    ENFORCEMENT, "on-event:10",
    KEYWORDS ("立案", "审查", "开除党籍", "违纪") },
  { "第十一条", 5, "失职失责问责",
    "对党员领导干部严重失职失责进行问责情况",
    ENFORCEMENT, "on-event:10",
    KEYWORDS ("问责", "失职失责") },
  { "第十一条", 6, "纪律检查机关自身建设",
    "加强纪律检查机关自身建设情况",
    SELF, "yearly-after:01-31",
    KEYWORDS ("自身建设") },
  { "第十一条", 7, OTHER, OTHER, OTHER, "on-event:10", NULL },
};

static const struct {
  const char          *kind;
  const GkRequirement *requirements;
  guint                n_requirements;
  /* the audiences of the items a new catalog starts with */
  const char * const  *audiences;
} articles[] = {
  { "committee", committee, G_N_ELEMENTS (committee), KEYWORDS ("全体党员", "全校师生") },
  { "general-branch", general_branch, G_N_ELEMENTS (general_branch), KEYWORDS ("相关党组织党员") },
  { "branch", branch, G_N_ELEMENTS (branch), KEYWORDS ("相关党组织党员") },
  { "discipline", discipline, G_N_ELEMENTS (discipline), KEYWORDS ("全体党员") },
};

const GkRequirement *
gk_requirements_for_kind (const char *kind,
                          guint      *n_requirements)
{
  g_return_val_if_fail (n_requirements != NULL, NULL);

  *n_requirements = 0;
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (articles); i++)
    if (g_str_equal (kind, articles[i].kind))
      {
        *n_requirements = articles[i].n_requirements;
        return articles[i].requirements;
      }
  return NULL;
}

char *
gk_requirement_label (const GkRequirement *requirement)
{
  static const char * const numerals[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

  g_return_val_if_fail (requirement != NULL, NULL);
  g_return_val_if_fail (requirement->point >= 1 && requirement->point <= G_N_ELEMENTS (numerals), NULL);

  return g_strdup_printf ("%s（%s）", requirement->article, numerals[requirement->point - 1]);
}

void
gk_checklist_entry_free (GkChecklistEntry *entry)
{
  if (entry == NULL)
    return;
  g_clear_pointer (&entry->numbers, g_array_unref);
  g_free (entry);
}

/* Which article applies to a catalog: the index in articles[] of its
 * organization's kind, or -1 with an error. */
static int
article_of_catalog (GkDatabase  *db,
                    gint64       catalog_id,
                    gint64      *organization_id,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *kind;

  *organization_id = gk_catalog_get_organization (db, catalog_id, error);
  if (*organization_id == 0)
    return -1;
  stmt = gk_database_prepare (db, "SELECT kind, coalesce (short_name, name) FROM organizations WHERE id = ?", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, *organization_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      gk_database_set_error (db, error, _("Cannot read the catalog"));
      return -1;
    }
  kind = (const char *) sqlite3_column_text (stmt, 0);
  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    if (g_str_equal (kind, articles[i].kind))
      return (int) i;

  g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
               _("The measures (第八至十一条) set no disclosure requirements for %s"),
               (const char *) sqlite3_column_text (stmt, 1));
  return -1;
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

static gboolean
covers (const GkRequirement *requirement,
        const char          *content)
{
  for (guint k = 0; requirement->keywords[k] != NULL; k++)
    if (strstr (content, requirement->keywords[k]) != NULL)
      return TRUE;
  return FALSE;
}

GPtrArray *
gk_catalog_checklist (GkDatabase  *db,
                      gint64       catalog_id,
                      GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_checklist_entry_free);
  g_autoptr(GListModel) items = NULL;
  const GkRequirement *requirements;
  gint64 organization_id;
  guint n_requirements;
  int article;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  article = article_of_catalog (db, catalog_id, &organization_id, error);
  if (article < 0 || (items = gk_catalog_list_items (db, catalog_id, error)) == NULL)
    return NULL;
  requirements = articles[article].requirements;
  n_requirements = articles[article].n_requirements;

  for (guint r = 0; r < n_requirements; r++)
    {
      GkChecklistEntry *entry = g_new0 (GkChecklistEntry, 1);

      entry->requirement = &requirements[r];
      entry->numbers = g_array_new (FALSE, FALSE, sizeof (guint));
      g_ptr_array_add (entries, entry);
    }

  /* Items come in category order: each entry's numbers are sorted below. */
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GkCatalogItem) item = g_list_model_get_item (items, i);
      const char *content = gk_catalog_item_get_content (item);
      guint number = gk_catalog_item_get_number (item);
      gboolean claimed = FALSE;

      if (!gk_catalog_item_get_active (item))
        continue;
      for (guint r = 0; r < n_requirements; r++)
        if (requirements[r].keywords != NULL && covers (&requirements[r], content))
          {
            GkChecklistEntry *entry = g_ptr_array_index (entries, r);

            g_array_append_val (entry->numbers, number);
            claimed = TRUE;
          }
      for (guint r = 0; r < n_requirements; r++)
        if (requirements[r].keywords == NULL && (!claimed || strstr (content, "其他") != NULL))
          {
            GkChecklistEntry *entry = g_ptr_array_index (entries, r);

            g_array_append_val (entry->numbers, number);
          }
    }

  for (guint r = 0; r < n_requirements; r++)
    {
      GkChecklistEntry *entry = g_ptr_array_index (entries, r);

      g_array_sort (entry->numbers, compare_numbers);
      entry->gap = requirements[r].keywords != NULL && entry->numbers->len == 0;
    }
  return g_steal_pointer (&entries);
}

gboolean
gk_catalog_checklist_seed (GkDatabase  *db,
                           gint64       catalog_id,
                           GError     **error)
{
  g_autoptr(GArray) responsible = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) audiences = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *reason = NULL;
  gint64 organization_id;
  int article;

  g_return_val_if_fail (gk_database_in_write (db), FALSE);

  article = article_of_catalog (db, catalog_id, &organization_id, error);
  if (article < 0)
    return FALSE;

  stmt = gk_database_prepare (db, "SELECT count (*) FROM catalog_items WHERE catalog_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, catalog_id);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int64 (stmt, 0) != 0)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Only a new, empty catalog is filled from the checklist"));
      return FALSE;
    }

  g_array_append_val (responsible, organization_id);
  for (guint a = 0; articles[article].audiences[a] != NULL; a++)
    {
      gint64 id = gk_directory_find_audience (db, articles[article].audiences[a], error);

      if (id == 0)
        return FALSE;
      g_array_append_val (audiences, id);
    }

  reason = g_strdup_printf (_("Compiled from %s of the measures"), articles[article].requirements[0].article);
  for (guint r = 0; r < articles[article].n_requirements; r++)
    {
      const GkRequirement *requirement = &articles[article].requirements[r];
      GkCatalogChange item = {
        .number = r + 1,
        .category_id = gk_catalog_ensure_category (db, catalog_id, requirement->category, error),
        .content = requirement->text,
        .responsible = responsible,
        .audiences = audiences,
        .cadence = requirement->cadence,
      };

      if (item.category_id == 0 || gk_catalog_insert_item (db, catalog_id, &item, reason, error) == 0)
        return FALSE;
    }
  return TRUE;
}
