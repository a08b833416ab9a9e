/* gk-demo.c: the demo data of `gongkai-cli init DB --template jinzhong-2020 --demo`
 *
 * Everybody here is fictional. Pick one of them as "who am I":
 *
 * | name   | title (职务)                         | roles                                              | oversees (分管)                         |
 * |--------|--------------------------------------|----------------------------------------------------|-----------------------------------------|
 * | 郑国华 | 党委副书记                           | leader@党委                                        | 党办 组织部 宣传部 统战部 工会 团委     |
 * | 林秀英 | 党委常委、副校长                     | leader@党委                                        | 学工部(处) 校办 人事处 计财处 保卫部(处) 后勤管理处 离退休处 |
 * | 韩文涛 | 党委常委、纪委书记                   | leader@党委                                        | 纪检监察办公室 审计处                   |
 * | 孙丽娟 | 党委办公室主任                       | principal@党办, party-office@党办                  |                                         |
 * | 周晓燕 | 党委办公室秘书（系统管理员）         | staff@党办, party-office@党办, admin@党办          |                                         |
 * | 张明   | 组织部部长                           | principal@组织部                                   |                                         |
 * | 李静   | 组织部组织科科长                     | staff@组织部                                       |                                         |
 * | 王建平 | 宣传部部长                           | principal@宣传部                                   |                                         |
 * | 赵雪   | 宣传部理论科科长                     | staff@宣传部                                       |                                         |
 * | 刘志强 | 学生工作部部长、学生处处长           | principal@学工部(处)                               |                                         |
 * | 陈思远 | 学生工作部思想教育科科长             | staff@学工部(处)                                   |                                         |
 * | 何建军 | 纪检监察办公室主任                   | principal@纪检监察办公室, inspector@纪检监察办公室 |                                         |
 * | 吕婷   | 纪检监察办公室监督检查科科长         | staff@纪检监察办公室, inspector@纪检监察办公室     |                                         |
 * | 吴海燕 | 文学院党总支书记                     | secretary@文学院党总支, committee-member@文学院教工党支部 |                                   |
 * | 许文博 | 文学院党总支副书记、学生党支部书记   | deputy-secretary@文学院党总支, secretary@文学院学生党支部 |                                   |
 * | 钱玉兰 | 文学院教工党支部书记、副教授         | secretary@文学院教工党支部, staff@文学院           |                                         |
 * | 杨帆   | 文学院辅导员、学生党支部组织委员     | staff@文学院, committee-member@文学院学生党支部    |                                         |
 * | 黄志刚 | 数学与统计学院党总支书记             | secretary@数统学院党总支, committee-member@数统学院教工党支部 |                               |
 * | 宋佳   | 数学与统计学院党总支副书记、学生党支部书记 | deputy-secretary@数统学院党总支, secretary@数统学院学生党支部 |                         |
 * | 罗明辉 | 数学与统计学院教工党支部书记、教授   | secretary@数统学院教工党支部, staff@数统学院       |                                         |
 * | 唐晓丽 | 数学与统计学院辅导员、学生党支部宣传委员 | staff@数统学院, committee-member@数统学院学生党支部 |                                     |
 * | 马晓东 | 计算机与信息学院党总支书记           | secretary@计信学院党总支, committee-member@计信学院教工党支部 |                               |
 * | 胡婷婷 | 计算机与信息学院党总支副书记、学生党支部书记 | deputy-secretary@计信学院党总支, secretary@计信学院学生党支部 |                       |
 * | 高振宇 | 计算机与信息学院教工党支部书记、副教授 | secretary@计信学院教工党支部, staff@计信学院     |                                         |
 * | 郭亮   | 计算机与信息学院辅导员、学生党支部组织委员 | staff@计信学院, committee-member@计信学院学生党支部 |                                   |
 *
 * Work waiting at the end (待我处理): 张明 reviews a 组织部 plan, 刘志强 a
 * 学工部(处) plan that answers an application; 郑国华, 林秀英 and 韩文涛 approve;
 * 孙丽娟 and 周晓燕 record a standing-committee decision and a higher
 * approval, forward an application and publish approved plans; 吴海燕 (总支)
 * and 钱玉兰 (支部) review; 马晓东 and 胡婷婷 approve.
 *
 * How it is made: every notice has a script of steps (below), laid out on
 * working days a few days apart and backwards from TODAY so that the whole
 * history lies in the past twelve months; then the steps of all notices
 * and applications run in the order of their dates, each with the
 * database clock set to its moment, so that the history and the audit log
 * read as a year of real work. Randomness (gaps, hours, findings) comes
 * from a GRand with a fixed seed: the same TODAY gives the same data.
 */

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/gk-catalog.h"
#include "core/gk-catalog-item.h"
#include "core/gk-core-error.h"
#include "core/gk-dates.h"
#include "core/gk-demo.h"
#include "core/gk-directory.h"
#include "core/gk-feedback.h"
#include "core/gk-inspections.h"
#include "core/gk-notices.h"
#include "core/gk-requests.h"
#include "core/gk-workdays.h"
#include "core/gk-workflow.h"

#define DEMO_SEED 20200113

/* ---- the organization ---- */

typedef struct
{
  const char *name;
  const char *short_name;
  const char *kind;
  const char *parent;   /* short name or name */
} DemoOrganization;

static const DemoOrganization demo_organizations[] = {
  { "中共晋中学院文学院总支部委员会", "文学院党总支", "general-branch", "党委" },
  { "文学院", NULL, "department", "文学院党总支" },
  { "中共晋中学院文学院教工支部委员会", "文学院教工党支部", "branch", "文学院党总支" },
  { "中共晋中学院文学院学生支部委员会", "文学院学生党支部", "branch", "文学院党总支" },
  { "中共晋中学院数学与统计学院总支部委员会", "数统学院党总支", "general-branch", "党委" },
  { "数学与统计学院", "数统学院", "department", "数统学院党总支" },
  { "中共晋中学院数学与统计学院教工支部委员会", "数统学院教工党支部", "branch", "数统学院党总支" },
  { "中共晋中学院数学与统计学院学生支部委员会", "数统学院学生党支部", "branch", "数统学院党总支" },
  { "中共晋中学院计算机与信息学院总支部委员会", "计信学院党总支", "general-branch", "党委" },
  { "计算机与信息学院", "计信学院", "department", "计信学院党总支" },
  { "中共晋中学院计算机与信息学院教工支部委员会", "计信学院教工党支部", "branch", "计信学院党总支" },
  { "中共晋中学院计算机与信息学院学生支部委员会", "计信学院学生党支部", "branch", "计信学院党总支" },
};

typedef struct
{
  const char *name;
  const char *title;
  const char *roles;     /* role@organization, joined with ; */
  const char *oversees;  /* organizations, joined with 、 */
} DemoPerson;

static const DemoPerson demo_people[] = {
  { "郑国华", "党委副书记", "leader@党委", "党办、组织部、宣传部、统战部、工会、团委" },
  { "林秀英", "党委常委、副校长", "leader@党委", "学工部(处)、校办、人事处、计财处、保卫部(处)、后勤管理处、离退休处" },
  { "韩文涛", "党委常委、纪委书记", "leader@党委", "纪检监察办公室、审计处" },
  { "孙丽娟", "党委办公室主任", "principal@党办;party-office@党办", NULL },
  { "周晓燕", "党委办公室秘书", "staff@党办;party-office@党办;admin@党办", NULL },
  { "张明", "组织部部长", "principal@组织部", NULL },
  { "李静", "组织部组织科科长", "staff@组织部", NULL },
  { "王建平", "宣传部部长", "principal@宣传部", NULL },
  { "赵雪", "宣传部理论科科长", "staff@宣传部", NULL },
  { "刘志强", "学生工作部部长、学生处处长", "principal@学工部(处)", NULL },
  { "陈思远", "学生工作部思想教育科科长", "staff@学工部(处)", NULL },
  { "何建军", "纪检监察办公室主任", "principal@纪检监察办公室;inspector@纪检监察办公室", NULL },
  { "吕婷", "纪检监察办公室监督检查科科长", "staff@纪检监察办公室;inspector@纪检监察办公室", NULL },
  { "吴海燕", "文学院党总支书记", "secretary@文学院党总支;committee-member@文学院教工党支部", NULL },
  { "许文博", "文学院党总支副书记、学生党支部书记", "deputy-secretary@文学院党总支;secretary@文学院学生党支部", NULL },
  { "钱玉兰", "文学院教工党支部书记、副教授", "secretary@文学院教工党支部;staff@文学院", NULL },
  { "杨帆", "文学院辅导员、学生党支部组织委员", "staff@文学院;committee-member@文学院学生党支部", NULL },
  { "黄志刚", "数学与统计学院党总支书记", "secretary@数统学院党总支;committee-member@数统学院教工党支部", NULL },
  { "宋佳", "数学与统计学院党总支副书记、学生党支部书记", "deputy-secretary@数统学院党总支;secretary@数统学院学生党支部", NULL },
  { "罗明辉", "数学与统计学院教工党支部书记、教授", "secretary@数统学院教工党支部;staff@数统学院", NULL },
  { "唐晓丽", "数学与统计学院辅导员、学生党支部宣传委员", "staff@数统学院;committee-member@数统学院学生党支部", NULL },
  { "马晓东", "计算机与信息学院党总支书记", "secretary@计信学院党总支;committee-member@计信学院教工党支部", NULL },
  { "胡婷婷", "计算机与信息学院党总支副书记、学生党支部书记", "deputy-secretary@计信学院党总支;secretary@计信学院学生党支部", NULL },
  { "高振宇", "计算机与信息学院教工党支部书记、副教授", "secretary@计信学院教工党支部;staff@计信学院", NULL },
  { "郭亮", "计算机与信息学院辅导员、学生党支部组织委员", "staff@计信学院;committee-member@计信学院学生党支部", NULL },
};

/* ---- applications (个别申请) ---- */

typedef struct
{
  const char *to;            /* 党委 or a general branch */
  const char *applicant;
  gboolean    is_member;
  const char *request;
  const char *recorder;      /* party office, or someone of the general branch */
  guint       month, day;    /* received on this day of the past year; month 0: DAY working days ago */
  const char *handler;       /* forwarded to this department, or NULL */
  const char *answerer;      /* NULL: still open */
  GkReply     reply;
  const char *reply_note;
  guint       reply_days;    /* after receipt, or after the answering notice is published */
} DemoApplication;

static const DemoApplication demo_applications[] = {
  { "党委", "田晓峰", TRUE, "申请公开{Y-1}年度校级党费的具体使用明细，特别是慰问困难党员的支出情况。",
    "周晓燕", 2, 9, "组织部", "孙丽娟", GK_REPLY_DISCLOSE,
    "已由党委组织部在校内公开{Y-1}年度校级党费使用明细", 2 },
  { "党委", "白秀兰", FALSE, "申请查阅学校党委常委会会议记录全文。",
    "周晓燕", 5, 12, "党办", "孙丽娟", GK_REPLY_REFUSE,
    "党委常委会会议记录属于内部工作资料，依照有关规定不宜公开；会议决定事项已按党务公开目录公开", 12 },
  { "党委", "韦一鸣", TRUE, "申请公开本学年学生评奖评优的评审细则和各学院名额分配。",
    "孙丽娟", 0, 18, "学工部(处)", NULL, GK_REPLY_DISCLOSE, NULL, 0 },
  { "党委", "邓建国", FALSE, "申请公开学校近三年引进高层次人才的数量和学科分布。",
    "周晓燕", 0, 3, NULL, NULL, GK_REPLY_DISCLOSE, NULL, 0 },
  { "文学院党总支", "孔令宇", FALSE, "申请公开文学院{Y}年党员发展名额分配和发展对象评议情况。",
    "许文博", 6, 2, NULL, "吴海燕", GK_REPLY_PARTIAL,
    "名额分配和评议程序予以公开；发展对象个人评议得票情况涉及个人信息，不予公开", 9 },
};

/* ---- notices ----
 *
 * A script is the steps after creation, one letter each:
 *   S submit          V review (passed)        A approve
 *   E escalate        D committee approves     U committee approves, reports upward
 *   N committee refuses                        P higher committee approves
 *   B publish         1 2 publish in two stages (先党内后党外: before and after the |
 *                       of the audiences and methods)
 *   R return          e the proposer amends the plan (AMEND becomes its last paragraph)
 *   X Y Z reject (secret, unsuitable, other; NOTE says why)       W withdraw
 * Who acts is the proposer for S, e, W, B, 1, 2 and whoever the procedure
 * waits for otherwise.
 *
 * Titles, bodies and notes may say {Y}, {Y-1}, {Y+1}… (the year of
 * creation), {上半期} (the half-year before creation, 2026年上半年) and
 * {学年} (the school year of creation, 2026—2027学年). */

typedef struct
{
  const char *org;
  guint       item;          /* catalog number; 0: not in the catalog */
  const char *proposer;
  const char *title;
  const char *body;
  const char *audiences;     /* 、-joined; | separates the stages */
  const char *methods;
  const char *script;
  guint       month, day;    /* created on this day of the past year; month 0: DAY days ago */
  gboolean    major;
  guint       application;   /* 1-based index of the application it answers, 0: none */
  const char *note;
  const char *amend;
} DemoNotice;

static const DemoNotice demo_notices[] = {
  /* 党办: proposed by 周晓燕, reviewed by 孙丽娟, approved by 郑国华 */
  { "党办", 6, "周晓燕", "学校党委{Y}年工作要点",
    "经党委常委会审议通过，现将学校党委{Y}年工作要点公开如下。\n"
    "一、加强党的政治建设。坚持和完善党委领导下的校长负责制，修订党委常委会议事规则，严格执行“三重一大”集体决策制度。\n"
    "二、加强基层组织建设。实施党支部建设质量提升计划，做好到期党组织换届工作，规范党员发展和教育管理。\n"
    "三、推进全面从严治党。落实党风廉政建设责任制，开展廉政教育和专项监督检查，持续纠治“四风”。\n"
    "四、服务学校事业发展。围绕人才培养、学科建设和师资队伍建设，分解落实年度重点任务，每季度通报进展。",
    "全体党员|全校师生", "会议、文件|校园局域网、OA系统", "SVA12", 2, 26 },
  { "党办", 6, "周晓燕", "学校党委{Y-1}年工作总结",
    "现将学校党委{Y-1}年工作总结公开如下，请全体党员和师生监督。\n"
    "一、主要工作。全年召开党委常委会会议二十余次，研究“三重一大”事项六十余项；完成三个党总支、八个党支部的换届工作；发展党员一百二十余名。\n"
    "二、存在的不足。部分党支部“三会一课”记录不够规范，年度重点任务中有两项进度滞后。\n"
    "三、下一步打算。针对存在问题制定整改清单，明确责任部门和完成时限，纳入{Y}年工作要点督办。",
    "全体党员、全校师生", "会议、校园局域网", "SVAB", 1, 12 },
  { "党办", 4, "周晓燕", "党委常委会会议决定事项（{上半期}）",
    "根据党务公开目录，现将{上半期}党委常委会会议可以公开的决定事项公布如下。\n"
    "一、审议通过《学校党委理论学习中心组学习计划》《党员干部教育培训计划》等文件。\n"
    "二、研究确定学校年度重点工作任务分工，明确牵头校领导和责任部门。\n"
    "三、研究同意各党总支换届选举工作安排和部分中层干部调整事项。\n"
    "对决定事项有意见建议的，可通过书记信箱反映。",
    "全体党员、全校师生", "OA系统、校园局域网", "SVAB", 7, 6 },
  { "党办", 1, "周晓燕", "关于贯彻落实上级党组织决议决定情况的通报",
    "为推动上级党组织决议决定落地见效，现将学校贯彻落实情况通报如下。\n"
    "一、学习传达。党委常委会及时传达学习上级有关会议和文件精神，各党总支通过中心组学习、支部“三会一课”组织全体党员学习。\n"
    "二、贯彻落实。结合学校实际制定任务分解方案，共梳理重点任务十八项，已完成十一项，其余七项按计划推进。",
    "全体党员、全校师生", "文件、OA系统", "SReSVAB", 4, 14, FALSE, 0,
    "请补充各项任务的责任部门和完成时限",
    "三、责任分工。各项任务已逐项明确牵头部门和完成时限，纳入学校年度督查督办台账，由党委办公室按季度跟踪。" },
  { "党办", 23, "周晓燕", "学校领导班子成员工作分工调整",
    "因工作需要，经党委常委会研究决定，对学校领导班子成员工作分工作如下调整。\n"
    "一、郑国华同志负责党委日常工作，分管党委办公室、组织部、宣传部、统战部，联系工会、团委。\n"
    "二、林秀英同志分管学生工作部（学生处）、校长办公室、人事处、计划财务处、保卫部（处）、后勤管理处和离退休职工管理处。\n"
    "三、韩文涛同志负责纪委工作，分管纪检监察办公室、审计处。\n"
    "以上分工自公布之日起执行。",
    "全校师生", "文件、OA系统、校园局域网", "SVEDB", 3, 16, TRUE },
  { "党办", 5, "周晓燕", "学校中长期事业发展规划（{Y}—{Y+4}年）",
    "学校中长期事业发展规划经教职工代表大会讨论、党委常委会审议，并报上级党委审核同意，现予公开。\n"
    "一、总体目标。到{Y+4}年，建成特色鲜明、区域一流的应用型大学，本科专业结构更加合理，服务地方能力明显增强。\n"
    "二、主要任务。实施人才培养质量提升、学科专业优化、师资队伍建设、科研服务地方、治理能力现代化五项工程。\n"
    "三、保障措施。坚持党委领导，建立规划实施年度监测和中期评估制度，评估结果向全校师生通报。",
    "全体党员|全校师生、社会", "会议、文件|校园局域网、互联网", "SVEUP12", 5, 8, TRUE },
  { "党办", 29, "周晓燕", "校领导联系学院制度执行情况（{Y-1}年度）",
    "按照校领导联系学院制度，现将{Y-1}年度执行情况公开如下。\n"
    "一、联系学院情况。校领导全年深入联系学院调研六十余次，参加联系学院党政联席会议和支部主题党日活动二十余次。\n"
    "二、解决问题情况。收集师生意见建议九十三条，已解决或答复八十七条，其余六条列入下一年度计划。\n"
    "三、下一步工作。进一步完善联系台账，对师生反映集中的问题实行销号管理。",
    "全校师生", "校园局域网、OA系统", "SVAB", 1, 19 },
  { "党办", 30, "周晓燕", "{Y}年为师生员工办实事项目进展情况",
    "学校{Y}年确定的十项为师生员工办实事项目，目前进展情况如下。\n"
    "一、已完成项目。学生公寓热水改造、图书馆延时开放、教职工体检项目扩容等六项已完成。\n"
    "二、推进中项目。食堂改造、校园无线网络升级等四项正在实施，预计年底前完成。\n"
    "欢迎师生对项目实施情况进行监督，意见建议可通过书记信箱反映。",
    "全校师生", "校园局域网、OA系统", "SVA", 0, 12 },
  { "党办", 7, "周晓燕", "学校综合改革实施方案",
    "为破解制约学校发展的体制机制障碍，学校研究制定了综合改革实施方案，拟提请党委常委会审议。\n"
    "一、改革目标。用三年时间，在校院两级管理、人事分配、人才培养模式等方面取得实质性进展。\n"
    "二、重点任务。推进校院两级管理改革，扩大学院办学自主权；深化岗位聘用和绩效分配改革；完善本科专业动态调整机制。\n"
    "三、组织实施。成立综合改革领导小组，实行任务清单管理，每学期向教代会报告进展。",
    "全体党员、全校师生", "会议、文件", "SVE", 0, 14, TRUE },
  { "党办", 2, "周晓燕", "学校第三次党员代表大会决议贯彻执行情况",
    "现将学校第三次党员代表大会决议贯彻执行情况报告如下。\n"
    "一、总体情况。大会确定的十二项主要任务中，已完成九项，正在推进三项。\n"
    "二、主要成效。党建工作与事业发展深度融合，学科专业结构持续优化，服务地方能力进一步提升。\n"
    "三、存在问题和下一步打算。对尚未完成的任务逐项明确时间表和责任人，在下一次全委会上报告进展。",
    "全体党员、全校师生", "会议、OA系统", "SV", 0, 9 },
  { "党办", 9, "周晓燕", "{Y+1}年人才队伍建设计划",
    "为加强人才队伍建设，学校制定了{Y+1}年人才队伍建设计划。\n"
    "一、引进计划。全年计划引进博士及高层次人才三十名，重点补充新工科和师范类专业师资。\n"
    "二、培养计划。选派二十名青年教师赴国内外高校访学，支持四十名教师攻读博士学位。",
    "全体党员、全校师生", "文件、OA系统", "SR", 0, 16, FALSE, 0,
    "请补充引进人才的学科分布和经费安排" },
  { "党办", 3, "周晓燕", "“七一”系列党内活动方案",
    "为庆祝中国共产党成立纪念日，学校党委决定于六月下旬至七月上旬开展系列党内活动。\n"
    "一、开展主题党日活动。各党支部围绕党的光辉历程组织一次主题党日，结合专业开展志愿服务。\n"
    "二、举行新党员入党宣誓仪式。全体新发展党员参加，党委书记领誓。\n"
    "三、表彰先进。对评选出的优秀共产党员、优秀党务工作者和先进基层党组织进行表彰。",
    "全体党员、全校师生", "会议、文件、校园局域网", "SVAB", 6, 10 },
  { "党办", 7, "周晓燕", "后勤服务社会化改革方案",
    "为提高后勤保障水平，学校拟推进后勤服务社会化改革。\n"
    "一、改革范围。学生食堂、物业管理和校园绿化逐步引入社会专业化服务。\n"
    "二、人员安置。现有后勤在编职工原岗位、待遇不变，合同制职工由学校统筹安置。\n"
    "三、实施步骤。先在学生食堂试点一年，总结评估后再推开。",
    "全体党员、全校师生", "文件、校园局域网", "SVEN", 9, 8, TRUE },

  /* 组织部: proposed by 李静, reviewed by 张明, approved by 郑国华 */
  { "组织部", 21, "李静", "{上半期}党费收缴、管理和使用情况",
    "根据党费管理有关规定，现将{上半期}学校党费收缴、管理和使用情况公开如下。\n"
    "一、党费收缴。全校各党支部按月足额收缴党费，共收缴党费三十二万余元，全部按规定上缴和留存。\n"
    "二、党费使用。主要用于党员教育培训、慰问困难党员和老党员、表彰先进基层党组织和优秀党员，支出十八万余元。\n"
    "三、监督管理。党费实行专户管理，账目接受审计和党员监督，党员可向所在党支部查询本人交纳情况。",
    "基层党组织", "文件、OA系统", "SVAB", 7, 8 },
  { "组织部", 21, "李静", "{上半期}党费收缴、管理和使用情况",
    "现将{上半期}学校党费收缴、管理和使用情况公开如下。\n"
    "一、收缴情况。全校共收缴党费三十万余元，各党支部均按时足额收缴，无拖欠情况。\n"
    "二、使用情况。用于年终走访慰问困难党员和老党员、党员教育培训及党支部活动，共支出二十一万余元。\n"
    "三、结余情况。结余党费全部存入党费专户，继续用于党员教育和基层党组织建设。",
    "基层党组织", "文件、OA系统", "SVAB", 1, 14 },
  { "组织部", 11, "李静", "{Y}年党员干部教育培训计划",
    "根据上级关于干部教育培训的要求，结合学校实际，制定{Y}年党员干部教育培训计划。\n"
    "一、培训对象。中层干部、党支部书记、新发展党员和入党积极分子。\n"
    "二、培训内容。党的理论、党内法规、党务工作实务和师德师风。\n"
    "三、培训安排。春季学期举办党支部书记培训班，暑期举办中层干部专题研修班，秋季学期举办入党积极分子培训班。\n"
    "各党总支要组织所属党员按计划参训，培训情况纳入年度考核。",
    "基层党组织", "文件、OA系统、会议", "SVAB", 3, 2 },
  { "组织部", 18, "李静", "拟接收预备党员公示（{Y}年第二批）",
    "经各党支部推荐、党总支审查，以下同志拟接收为中共预备党员，现予公示。\n"
    "一、公示对象。文学院学生党支部二名，数学与统计学院学生党支部二名，计算机与信息学院学生党支部三名，名单在所在党支部同时公示。\n"
    "二、公示时间。自公布之日起五个工作日。\n"
    "三、反映方式。对公示对象有不同意见的，可向党委组织部或所在党总支实名反映。",
    "基层党组织、相关党组织党员", "校园局域网、OA系统", "SVAB", 5, 20 },
  { "组织部", 16, "李静", "各党总支换届选举结果",
    "根据学校党委统一部署，文学院、数学与统计学院、计算机与信息学院党总支已按期完成换届选举，现将结果公布如下。\n"
    "一、选举程序。各党总支均经党员大会差额选举产生新一届委员会，选举结果已报学校党委批准。\n"
    "二、选举结果。吴海燕同志当选文学院党总支书记，黄志刚同志当选数学与统计学院党总支书记，马晓东同志当选计算机与信息学院党总支书记。",
    "基层党组织、全体党员", "文件、校园局域网", "SVAB", 9, 15 },
  { "组织部", 19, "李静", "{Y-1}年度党支部考核和党员民主评议结果",
    "按照学校党委部署，组织部会同各党总支完成了{Y-1}年度党支部考核和党员民主评议工作。\n"
    "一、党支部考核。全校党支部考核评定为好的十二个，较好的五个，一般的一个，无差的等次。\n"
    "二、党员民主评议。参评党员全部完成评议，评定为优秀的占百分之二十一，合格的占百分之七十八，基本合格一名，已由所在党支部进行谈话帮助。",
    "基层党组织、相关党组织党员", "文件、OA系统", "SVAB", 2, 24 },
  { "组织部", 20, "李静", "“两优一先”评选表彰结果公示",
    "经基层推荐、组织部审核、党委常委会研究，拟表彰先进基层党组织五个、优秀共产党员二十名、优秀党务工作者八名，现予公示。\n"
    "一、公示期限。五个工作日。\n"
    "二、意见反映。公示期间，对拟表彰对象有异议的，可以书面或电话形式向党委组织部反映，反映问题应实事求是。",
    "基层党组织、相关党组织党员", "会议、校园局域网、OA系统", "SVAB", 6, 5 },
  { "组织部", 26, "李静", "拟提任中层干部任前公示",
    "根据干部选拔任用有关规定，经民主推荐、组织考察、党委常委会讨论，拟提任以下同志担任中层领导职务，现予任前公示。\n"
    "一、公示对象。拟任人选共三名，姓名、现任职务和拟任职务在校园局域网同步公布。\n"
    "二、公示时间。五个工作日。\n"
    "三、受理方式。对公示对象有意见的，可在公示期内向党委组织部或纪检监察办公室反映，反映情况和问题要实事求是。",
    "各党总支、校内各单位", "文件、OA系统", "SVAB", 8, 24 },
  { "组织部", 28, "李静", "中层干部民主测评结果",
    "现将本年度中层干部民主测评结果公布如下。\n"
    "一、测评范围。全校正副处级干部，参加测评人员为校领导、中层干部和教职工代表。\n"
    "二、测评结果。各单位领导班子和干部个人的得分及排名见附表。",
    "处以上干部", "会议、文件", "SVY", 10, 19, FALSE, 0,
    "测评得分属于干部考察材料，依照干部工作有关规定不宜公开，由组织部向本人反馈" },
  { "组织部", 15, "李静", "党总支和党支部设置调整方案",
    "为适应学院专业调整和党员人数变化，拟对部分党支部设置进行调整。\n"
    "一、调整内容。计算机与信息学院学生党支部按年级拆分为两个党支部；文学院教工党支部按教研室设立两个党小组。\n"
    "二、实施时间。方案经批准后一个月内完成党支部选举和组织关系转接。",
    "基层党组织、全体党员", "文件、OA系统", "S", 0, 6 },
  { "组织部", 24, "李静", "领导班子{Y-1}年度民主生活会整改措施落实情况",
    "学校领导班子{Y-1}年度民主生活会查摆问题十二条，制定整改措施三十条。\n"
    "一、已完成整改。二十二条措施已落实到位。\n"
    "二、持续整改。八条措施需长期坚持，已建立整改台账定期跟踪。",
    "全体中层干部", "会议、文件", "SW", 10, 9, FALSE, 0,
    "整改台账正在更新，待全部措施完成后重新提出" },
  { "组织部", 17, "李静", "学校第四次党员代表大会代表选举办法（草案）",
    "为做好学校第四次党员代表大会代表选举工作，根据党章和有关规定，制定本办法。\n"
    "一、代表名额。代表名额一百二十名，由各党总支按党员人数比例分配。\n"
    "二、代表条件和结构。代表应具有较高的政治素质和议事能力，一线教师、学生党员和女党员应占适当比例。\n"
    "三、选举程序。各选举单位召开党员大会，以无记名投票方式差额选举产生代表。",
    "基层党组织、全体党员", "文件、会议", "", 0, 3 },
  { "组织部", 21, "李静", "{Y-1}年度校级党费使用明细（答复党员申请）",
    "根据党员个人申请，现将{Y-1}年度校级党费使用明细公开如下。\n"
    "一、慰问困难党员和老党员。共慰问四十六人次，支出九万二千元。\n"
    "二、党员教育培训。举办培训班五期，支出六万五千元。\n"
    "三、表彰先进。表彰先进基层党组织和优秀党员，支出三万元。\n"
    "以上支出均按规定报批，账目已经审计。",
    "基层党组织", "文件、OA系统", "SVAB", 0, 0, FALSE, 1 },

  /* 宣传部: proposed by 赵雪, reviewed by 王建平, approved by 郑国华 */
  { "宣传部", 10, "赵雪", "{Y}年党委理论学习中心组学习计划",
    "为加强党委理论学习中心组学习，制定本年度学习计划。\n"
    "一、学习内容。党的创新理论、党章党规、高等教育政策法规和学校改革发展重大问题。\n"
    "二、学习形式。每月集中学习一次，每季度安排一次专题研讨，全年开展两次专题调研。\n"
    "三、学习要求。中心组成员每人撰写一篇调研报告，学习情况纳入领导班子考核。",
    "全体党员|全校师生", "会议、文件|校园局域网", "SVA12", 3, 5 },
  { "宣传部", 10, "赵雪", "{上半期}理论学习计划落实情况",
    "现将{上半期}学校理论学习计划落实情况公开如下。\n"
    "一、中心组学习。党委理论学习中心组开展集中学习六次，专题研讨两次。\n"
    "二、全员学习。各党支部按计划开展“三会一课”和主题党日，党员参学率达到百分之九十五以上。",
    "全体党员、全校师生", "校园局域网、简报", "SReSVAB", 7, 13, FALSE, 0,
    "请补充各党总支学习情况",
    "三、各党总支学习情况。各党总支均按计划完成集中学习，其中文学院党总支、数学与统计学院党总支开展了专题读书班。" },
  { "宣传部", 13, "赵雪", "精神文明建设规划实施情况（{Y-1}年度）",
    "现将学校{Y-1}年度精神文明建设规划实施情况公开如下。\n"
    "一、思想道德建设。开展师德师风主题教育月和“最美教师”评选活动，举办道德讲堂八期。\n"
    "二、校园文化建设。举办校园文化艺术节、读书节等活动三十余场，志愿服务时长累计两万余小时。\n"
    "三、文明创建。学校保持文明校园称号，三个学院获评文明单位。",
    "全体党员、全校师生", "校园局域网、简报", "SVAB", 1, 21 },
  { "宣传部", 13, "赵雪", "文明校园创建三年行动方案（{Y+1}—{Y+3}年）",
    "为巩固文明校园创建成果，制定三年行动方案。\n"
    "一、工作目标。到{Y+3}年，文明校园创建各项指标全面达标，形成一批有影响的校园文化品牌。\n"
    "二、重点任务。实施思想铸魂、文化育人、环境提升、志愿服务四项行动。",
    "全体党员、全校师生", "文件、校园局域网", "", 0, 2 },

  /* 学工部(处): proposed by 陈思远, reviewed by 刘志强, approved by 林秀英 */
  { "学工部(处)", 14, "陈思远", "{学年}国家奖学金评审结果公示",
    "根据国家奖学金评审有关规定，经学生本人申请、学院评审推荐、学校评审委员会审定，拟推荐十八名学生获得{学年}国家奖学金，现予公示。\n"
    "一、公示时间。五个工作日。\n"
    "二、异议处理。对公示名单有异议的，可在公示期内向学生处实名反映，学校将认真核实并予以答复。",
    "全校师生、社会", "校园局域网、互联网", "SVAB", 10, 20 },
  { "学工部(处)", 38, "陈思远", "{Y}年“五四红旗团总支”及优秀共青团员评选结果",
    "经各学院推荐、学生工作部和校团委审核，评选出{Y}年度五四红旗团总支三个、优秀团干部二十名、优秀共青团员六十名，现予公布。\n"
    "一、评选程序。各学院团总支民主推荐，学校评审小组集中评审，结果经公示无异议。\n"
    "二、表彰安排。将在纪念五四运动主题团日活动上进行表彰。",
    "全校师生", "校园局域网、OA系统", "SVAB", 4, 20 },
  { "学工部(处)", 12, "陈思远", "{学年}第一学期大学生思想政治教育实施情况",
    "现将{学年}第一学期大学生思想政治教育实施情况公开如下。\n"
    "一、课程育人。开设思想政治理论课和“形势与政策”课，组织专题讲座十二场。\n"
    "二、实践育人。组织学生参加社会实践和志愿服务，覆盖学生四千余人次。\n"
    "三、心理健康教育。完成新生心理普查，开展团体辅导二十余次。",
    "全校师生", "校园局域网、简报", "SVA", 0, 11 },
  { "学工部(处)", 14, "陈思远", "{学年}国家励志奖学金评审结果公示",
    "经学生申请、学院评审、学校审定，拟推荐二百一十名学生获得{学年}国家励志奖学金，现予公示。\n"
    "一、公示时间。五个工作日。\n"
    "二、异议处理。对公示结果有异议的，可向学生处实名反映。",
    "全校师生", "校园局域网", "SV", 0, 7 },
  { "学工部(处)", 14, "陈思远", "学生评奖评优评审细则及名额分配（答复学生申请）",
    "根据学生个人申请，现将本学年学生评奖评优评审细则及各学院名额分配情况公开如下。\n"
    "一、评审细则。评奖评优以综合测评成绩为主要依据，思想品德、学业成绩、文体活动和社会实践分别计分。\n"
    "二、名额分配。各学院名额按在校生人数比例分配，文学院、数学与统计学院、计算机与信息学院分别为四十二名、三十六名、五十一名。",
    "全校师生", "校园局域网、OA系统", "S", 0, 0, FALSE, 3 },

  /* 纪检监察办公室: proposed by 吕婷, reviewed by 何建军, approved by 韩文涛 */
  { "纪检监察办公室", 33, "吕婷", "{Y-1}年度党风廉政建设责任制落实情况及考核结果",
    "根据党风廉政建设责任制考核办法，学校对各单位{Y-1}年度责任制落实情况进行了考核。\n"
    "一、考核方式。采取听取汇报、查阅资料、个别谈话和民主测评相结合的方式。\n"
    "二、考核结果。考核优秀单位八个，良好单位十四个，无不合格单位。\n"
    "三、整改要求。对考核中发现的问题，已向相关单位书面反馈，要求一个月内报送整改情况。",
    "处以上干部", "会议、文件", "SVAB", 3, 24 },
  { "纪检监察办公室", 34, "吕婷", "{Y-1}年度中层领导干部述职述廉情况",
    "学校于年初组织中层领导干部进行年度述职述廉。\n"
    "一、述职述廉范围。全体中层正职在中层干部大会上述职述廉，副职在本单位述职述廉。\n"
    "二、测评情况。述职述廉测评满意率均在百分之九十以上。\n"
    "三、问题反馈。对测评中反映的问题，由纪检监察办公室逐一反馈本人并督促整改。",
    "处以上干部", "会议、OA系统", "SVAB", 1, 26 },
  { "纪检监察办公室", 36, "吕婷", "专项检查和案件查处情况通报（{上半期}）",
    "现将{上半期}学校专项检查和案件查处情况通报如下。\n"
    "一、专项检查。开展科研经费使用和招生录取专项检查，发现问题九个，均已督促整改。\n"
    "二、案件查处。受理信访举报十一件，初步核实四件，其中一件正在审查中，涉及人员和问题线索详见附件。",
    "校领导班子、处以上干部", "会议、文件", "SX", 8, 18, FALSE, 0,
    "通报中含有尚在审查阶段案件的线索和当事人信息" },
  { "纪检监察办公室", 36, "吕婷", "违反中央八项规定精神问题专项检查情况通报",
    "按照上级纪检监察机关部署，学校开展了违反中央八项规定精神问题专项检查。\n"
    "一、检查范围。公务接待、公务用车、办公用房和会议培训费用支出。\n"
    "二、检查结果。发现问题六个，涉及四个单位，已全部整改；对两名相关责任人进行了诫勉谈话。\n"
    "三、工作要求。各单位要举一反三，健全制度，防止问题反弹。",
    "校领导班子、处以上干部", "会议、文件", "SVEU", 0, 24, TRUE },
  { "纪检监察办公室", 33, "吕婷", "{Y}年新任中层干部任前廉政谈话情况",
    "按照党风廉政建设责任制有关规定，纪检监察办公室对{Y}年新提任的中层干部进行了任前廉政谈话。\n"
    "一、谈话范围。本年度新提任的中层干部三名，均在任职前完成谈话。\n"
    "二、谈话内容。学习廉洁自律有关规定，签订廉政承诺书，提醒岗位廉政风险点。",
    "处以上干部", "会议、OA系统", "SV", 0, 8 },

  /* 党总支: proposed by its units and branches, reviewed and approved by its secretary */
  { "文学院党总支", 0, "许文博", "文学院党总支{Y}年工作要点",
    "文学院党总支{Y}年工作要点如下。\n"
    "一、加强思想政治建设。落实党总支中心组学习制度，每月开展一次集中学习。\n"
    "二、加强组织建设。规范教工、学生党支部“三会一课”，做好党员发展和教育管理工作。\n"
    "三、推进师德师风建设。开展师德师风专题教育，健全师德考核档案。",
    "相关党组织党员", "会议、OA系统", "SVAB", 3, 3 },
  { "文学院党总支", 0, "杨帆", "文学院{Y}年上半年拟发展党员公示",
    "经党支部推荐、党总支审查，文学院拟发展以下学生为中共预备党员，现予公示。\n"
    "一、公示对象。文学院学生党支部入党积极分子两名，已完成政治审查和集中培训。\n"
    "二、公示时间。五个工作日。\n"
    "三、反映方式。有不同意见的，可向文学院党总支反映。",
    "相关党组织党员", "会议、校园局域网", "SVAB", 5, 26 },
  { "文学院党总支", 0, "许文博", "文学院党政联席会议制度执行情况",
    "现将本学期文学院党政联席会议制度执行情况公开如下。\n"
    "一、会议召开情况。本学期召开党政联席会议七次，研究人才培养方案修订、教师职称推荐等重要事项二十一项。\n"
    "二、决策程序。涉及教职工切身利益的事项均事先听取教职工意见，会议纪要按规定存档。",
    "相关党组织党员", "会议、OA系统", "S", 0, 5 },
  { "文学院党总支", 0, "钱玉兰", "文学院党总支党费收缴使用情况（{上半期}）",
    "现将文学院党总支{上半期}党费收缴使用情况公开如下。\n"
    "一、收缴情况。所属两个党支部按月收缴党费，无拖欠。\n"
    "二、使用情况。按规定全部上缴学校党委，由组织部统一管理使用。",
    "相关党组织党员", "会议", "SVZ", 7, 22, FALSE, 0,
    "党费收缴使用情况已由组织部统一公开，本总支不再重复公开" },
  { "文学院党总支", 0, "杨帆", "文学院师德师风建设专题活动方案",
    "为加强师德师风建设，文学院党总支拟开展师德师风专题活动。\n"
    "一、活动内容。组织学习教师职业行为准则，开展师德典型事迹宣讲。\n"
    "二、时间安排。九月下旬至十月底。",
    "相关党组织党员", "会议、OA系统", "W", 9, 22, FALSE, 0,
    "与学校统一部署的师德师风主题教育月合并，不再单独提出" },
  { "数统学院党总支", 0, "宋佳", "数统学院党总支{Y}年工作要点",
    "数学与统计学院党总支{Y}年工作要点如下。\n"
    "一、抓好理论学习。以党总支中心组学习带动教工、学生党支部学习。\n"
    "二、抓好基层组织建设。推进“双带头人”教师党支部书记培育工程。\n"
    "三、抓好党建与业务融合。围绕专业认证和课程建设开展党员先锋岗创建活动。",
    "相关党组织党员", "会议、OA系统", "SVAB", 3, 10 },
  { "数统学院党总支", 0, "唐晓丽", "数统学院{Y}年下半年拟发展党员公示",
    "经党支部推荐、党总支审查，数学与统计学院拟发展学生入党积极分子三名为中共预备党员，现予公示。\n"
    "一、公示时间。五个工作日。\n"
    "二、反映方式。对公示对象有不同意见的，可向数学与统计学院党总支实名反映。",
    "相关党组织党员", "会议、校园局域网", "SVA", 0, 10 },
  { "数统学院党总支", 0, "宋佳", "数统学院党总支换届选举结果",
    "数学与统计学院党员大会于近期召开，选举产生了新一届党总支委员会。\n"
    "一、选举结果。新一届党总支委员会由五名委员组成，黄志刚同志任书记，宋佳同志任副书记。\n"
    "二、报批情况。选举结果已报学校党委批准。",
    "相关党组织党员", "会议、OA系统", "SVAB", 9, 1 },
  { "数统学院党总支", 0, "罗明辉", "数统学院党总支班子{Y}年度专题民主生活会方案",
    "为开好{Y}年度专题民主生活会，制定本方案。\n"
    "一、会议主题。对照党章党规，查找班子和个人在思想、作风等方面存在的问题。\n"
    "二、会前准备。开展谈心谈话，广泛征求师生意见。",
    "相关党组织党员", "会议", "SR", 0, 15, FALSE, 0,
    "请补充班子成员相互批评意见和整改措施" },
  { "计信学院党总支", 0, "胡婷婷", "计信学院党总支联系服务师生情况（{上半期}）",
    "现将计算机与信息学院党总支{上半期}联系服务师生情况公开如下。\n"
    "一、联系师生。党总支委员每人联系一个教研室和两个学生班级，走访学生宿舍四十余次。\n"
    "二、解决问题。协调解决实验室开放时间、毕业生就业指导等问题十五项。",
    "相关党组织党员", "会议、OA系统", "SVAB", 7, 1 },
  { "计信学院党总支", 0, "高振宇", "计信学院{Y}年党员教育培训计划",
    "根据学校党员干部教育培训计划，制定计算机与信息学院{Y}年党员教育培训计划。\n"
    "一、培训内容。党的理论、党规党纪和师德师风。\n"
    "二、培训安排。每季度组织一次集中培训，学生党员培训结合“青马工程”开展。",
    "相关党组织党员", "会议、校园局域网", "SVAB", 3, 18 },
  { "计信学院党总支", 0, "胡婷婷", "计信学院党总支班子成员分工",
    "根据换届后班子成员变化，计算机与信息学院党总支对班子成员分工作如下调整。\n"
    "一、马晓东同志主持党总支全面工作，负责干部队伍和师德师风建设。\n"
    "二、胡婷婷同志负责学生党建和思想政治教育工作。\n"
    "三、其他委员分别负责组织、宣传和纪检工作。",
    "相关党组织党员", "会议、OA系统", "SV", 0, 5 },
  { "计信学院党总支", 0, "郭亮", "计信学院党总支{Y}年工作总结",
    "计算机与信息学院党总支{Y}年工作总结如下。\n"
    "一、主要工作。完成党总支换届，新发展党员十一名，两个党支部获评学校先进基层党组织。\n"
    "二、存在不足。学生党支部组织生活形式比较单一。",
    "相关党组织党员", "会议、OA系统", "", 0, 1 },

  /* 党支部: proposed by a branch committee member, reviewed and approved by its secretary */
  { "文学院教工党支部", 0, "吴海燕", "文学院教工党支部{Y}年“三会一课”计划",
    "文学院教工党支部{Y}年“三会一课”安排如下。\n"
    "一、支部党员大会。每季度召开一次，研究发展党员、民主评议等重要事项。\n"
    "二、支委会。每月召开一次。\n"
    "三、党小组会和党课。党小组每月开展一次学习，党支部书记每年讲授党课不少于一次。",
    "相关党组织党员", "会议", "SVAB", 2, 28 },
  { "文学院教工党支部", 0, "吴海燕", "文学院教工党支部支委会成员分工",
    "文学院教工党支部支委会成员分工如下。\n"
    "一、钱玉兰同志任党支部书记，主持支部全面工作。\n"
    "二、吴海燕同志任组织委员，负责党员发展和组织关系管理。\n"
    "三、宣传委员负责理论学习和宣传工作。",
    "相关党组织党员", "会议", "S", 0, 3 },
  { "文学院学生党支部", 0, "杨帆", "文学院学生党支部拟确定发展对象公示",
    "经支部委员会研究，拟将以下入党积极分子确定为发展对象，现予公示。\n"
    "一、公示对象。汉语言文学专业学生两名，已参加入党积极分子培训并结业。\n"
    "二、公示时间。五个工作日，有意见可向支部委员会反映。",
    "相关党组织党员", "会议、校园局域网", "SVAB", 10, 12 },
  { "文学院学生党支部", 0, "杨帆", "文学院学生党支部{上半期}党费收缴情况",
    "现将文学院学生党支部{上半期}党费收缴情况公布如下。\n"
    "一、收缴情况。支部学生党员和预备党员均按月交纳党费，无拖欠。\n"
    "二、查询方式。党员可向支部组织委员查询本人交纳记录。",
    "相关党组织党员", "会议", "SVAB", 7, 6 },
  { "数统学院教工党支部", 0, "黄志刚", "数统学院教工党支部{Y}年度组织生活会和民主评议党员情况",
    "数学与统计学院教工党支部召开了{Y}年度组织生活会，开展民主评议党员。\n"
    "一、组织生活会。支部班子和党员逐一开展批评和自我批评，查摆问题十四条。\n"
    "二、民主评议结果。评定优秀党员三名，其余均为合格。",
    "相关党组织党员", "会议", "SVAB", 12, 18 },
  { "数统学院教工党支部", 0, "黄志刚", "数统学院教工党支部换届选举结果",
    "数学与统计学院教工党支部召开党员大会，选举产生新一届支部委员会。\n"
    "一、选举结果。新一届支部委员会由三名委员组成，罗明辉同志任党支部书记。\n"
    "二、报批情况。选举结果已报党总支批准。",
    "相关党组织党员", "会议、OA系统", "SVAB", 9, 8 },
  { "数统学院学生党支部", 0, "唐晓丽", "数统学院学生党支部{Y}年度民主评议党员结果",
    "数学与统计学院学生党支部完成了{Y}年度民主评议党员工作。\n"
    "一、评议程序。个人自评、党员互评、民主测评和支部委员会综合评定。\n"
    "二、评议结果。参评党员二十六名，评定优秀五名，合格二十一名。",
    "相关党组织党员", "会议", "SVAB", 12, 11 },
  { "数统学院学生党支部", 0, "唐晓丽", "数统学院学生党支部{学年}入党积极分子培养计划",
    "为做好入党积极分子培养工作，制定本学年培养计划。\n"
    "一、培养联系人。每名入党积极分子确定两名正式党员作为培养联系人。\n"
    "二、培养考察。每季度进行一次考察，考察情况记入培养档案。",
    "相关党组织党员", "会议", "", 0, 4 },
  { "计信学院教工党支部", 0, "马晓东", "计信学院教工党支部主题党日活动安排",
    "计算机与信息学院教工党支部近期主题党日活动安排如下。\n"
    "一、赴革命纪念馆开展现场教学。\n"
    "二、结合专业开展“党员先锋岗”技术服务进社区活动。\n"
    "三、召开组织生活会，开展批评和自我批评。",
    "相关党组织党员", "会议", "SVAB", 10, 10 },
  { "计信学院学生党支部", 0, "郭亮", "计信学院学生党支部预备党员转正公示",
    "计算机与信息学院学生党支部预备党员预备期已满，本人提出转正申请，经支部委员会审查，拟提交支部党员大会讨论其转正问题，现予公示。\n"
    "一、公示对象。预备党员两名。\n"
    "二、公示时间。五个工作日，有意见可向支部委员会或党总支反映。",
    "相关党组织党员", "会议、校园局域网", "SVAB", 10, 28 },
  { "计信学院学生党支部", 0, "郭亮", "计信学院学生党支部{学年}学习计划",
    "计算机与信息学院学生党支部{学年}学习计划如下。\n"
    "一、学习内容。党的基本理论、党章党规和党史。\n"
    "二、学习方式。每月开展一次集中学习，每学期组织一次专题讨论。",
    "相关党组织党员", "会议", "SV", 0, 4 },
};

static const char * const review_notes_low[] = {
  "经保密审查，无涉密内容",
  "内容准确，数据已核对",
  "符合公开目录要求，同意公开",
};

static const char * const review_notes_medium[] = {
  "涉及个人信息，已作脱敏处理",
  "关注度较高，建议同步做好解读",
};

/* ---- the schedule ---- */

#define MAX_STEPS 10
/* Steps happen between 08:30 and 17:30 Beijing time, stored in UTC. */
#define DAY_START (30 * 60)
#define DAY_END (9 * 3600 + 30 * 60)

typedef struct
{
  GDate  day;
  guint  second;     /* of the day, UTC */
} Moment;

typedef struct
{
  const DemoNotice *spec;
  gint64            id;
  gint64            proposer_id;
  gint64            organization_id;
  gint64            item_id;
  char             *title;
  char             *body;
  char             *planned;
  GArray           *audiences[3];  /* the plan, stage 1, stage 2 */
  GArray           *methods[3];
  guint             n_steps;       /* creation and the script */
  /* drawn once, so that moving the notice in time keeps its rhythm */
  guint             gaps[MAX_STEPS];
  guint             times[MAX_STEPS];
  guint             pause[MAX_STEPS];
  guint             planned_gap;
  Moment            at[MAX_STEPS];
} NoticeRun;

enum { APP_RECEIVE, APP_FORWARD, APP_REPLY, APP_N_STEPS };

typedef struct
{
  const DemoApplication *spec;
  gint64                 id;
  gint64                 to_id;
  char                  *request;
  char                  *reply_note;
  gboolean               has[APP_N_STEPS];
  Moment                 at[APP_N_STEPS];
} ApplicationRun;

/* Supervision (第十六、十九条), in the order it happens: a routine
 * inspection by party office with a rectification done on time and a
 * finding that needs none; a special inspection by the discipline office
 * with a rectification overdue (吴海燕 answers for it) and one still open;
 * feedback on two published notices; a major public-opinion note (重大舆情,
 * to be reported upward) and the clarification it led to. */
enum
{
  SUP_ROUTINE,
  SUP_ROUTINE_FINDING,
  SUP_ROUTINE_NONE,
  SUP_ROUTINE_DONE,
  SUP_SPECIAL,
  SUP_SPECIAL_OVERDUE,
  SUP_SPECIAL_OPEN,
  SUP_FEEDBACK_MAILBOX,
  SUP_FEEDBACK_MEETING,
  SUP_OPINION,
  SUP_CLARIFICATION,
  SUP_N_STEPS
};

/* The published notices the feedback is about, by their title in the table. */
#define SUP_PRAISED_NOTICE "“两优一先”评选表彰结果公示"
#define SUP_PROBATION_NOTICE "拟接收预备党员公示（{Y}年第二批）"

typedef struct
{
  Moment at;
  guint  seq;
  guint  notice;        /* index + 1, or 0 */
  guint  application;   /* index + 1, or 0 */
  guint  step;
  gboolean supervision; /* a step of the supervision below: STEP */
} Event;

typedef struct
{
  GkDatabase     *db;
  GRand          *rand;
  GDate           today;
  gint64          people[G_N_ELEMENTS (demo_people)];
  gint64          items[64];      /* by catalog number */
  NoticeRun       notices[G_N_ELEMENTS (demo_notices)];
  ApplicationRun  applications[G_N_ELEMENTS (demo_applications)];
  guint           n_decisions;
  Moment          supervision_at[SUP_N_STEPS];
  gint64          supervision_ids[SUP_N_STEPS];  /* what each step recorded */
} Demo;

static void
demo_clear (Demo *demo)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo->notices); i++)
    {
      NoticeRun *run = &demo->notices[i];

      g_free (run->title);
      g_free (run->body);
      g_free (run->planned);
      for (guint s = 0; s < 3; s++)
        {
          g_clear_pointer (&run->audiences[s], g_array_unref);
          g_clear_pointer (&run->methods[s], g_array_unref);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (demo->applications); i++)
    {
      g_free (demo->applications[i].request);
      g_free (demo->applications[i].reply_note);
    }
  g_clear_pointer (&demo->rand, g_rand_free);
}

static guint
draw (Demo *demo,
      guint lowest,
      guint highest)
{
  return (guint) g_rand_int_range (demo->rand, (gint32) lowest, (gint32) highest + 1);
}

/* ---- text ---- */

/* The placeholders of the tables above, for a text written on DATE. */
static char *
expand (const char  *text,
        const GDate *date)
{
  GString *out = g_string_new (NULL);
  int year = g_date_get_year (date);
  int month = g_date_get_month (date);

  while (*text != '\0')
    {
      const char *close;

      if (*text != '{' || (close = strchr (text, '}')) == NULL)
        {
          g_string_append_c (out, *text++);
          continue;
        }

      if (g_str_has_prefix (text, "{上半期}"))
        {
          if (month >= 7)
            g_string_append_printf (out, "%d年上半年", year);
          else
            g_string_append_printf (out, "%d年下半年", year - 1);
        }
      else if (g_str_has_prefix (text, "{学年}"))
        {
          int first = month >= 8 ? year : year - 1;

          g_string_append_printf (out, "%d—%d学年", first, first + 1);
        }
      else if (text[1] == 'Y')
        {
          int offset = (int) g_ascii_strtoll (text + 2, NULL, 10);

          g_string_append_printf (out, "%d", year + offset);
        }
      else
        g_string_append_len (out, text, close - text + 1);
      text = close + 1;
    }
  return g_string_free (out, FALSE);
}

/* ---- lookups ---- */

static gint64
person_id (Demo       *demo,
           const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_people); i++)
    if (g_str_equal (demo_people[i].name, name))
      return demo->people[i];
  g_assert_not_reached ();
}

static gint64
find_method (GkDatabase  *db,
             const char  *name,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, "SELECT id FROM methods WHERE name = ?", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND, _("No method is called “%s”"), name);
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* "a、b|c" → the plan (a, b, c), stage 1 (a, b) and stage 2 (c). */
static gboolean
resolve_stages (GkDatabase  *db,
                const char  *joined,
                gint64     (*find) (GkDatabase *, const char *, GError **),
                GArray     **out,
                GError     **error)
{
  g_auto(GStrv) stages = g_strsplit (joined, "|", 2);

  for (guint s = 0; s < 3; s++)
    out[s] = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint s = 0; stages[s] != NULL; s++)
    {
      g_auto(GStrv) names = g_strsplit (stages[s], "、", -1);

      for (guint i = 0; names[i] != NULL; i++)
        {
          gint64 id = find (db, names[i], error);

          if (id == 0)
            return FALSE;
          g_array_append_val (out[0], id);
          g_array_append_val (out[s + 1], id);
        }
    }
  return TRUE;
}

static gboolean
load_items (Demo    *demo,
            GError **error)
{
  gint64 catalog_id = gk_catalog_get_default (demo->db, error);
  g_autoptr(GListModel) items = NULL;

  if (catalog_id == 0)
    return FALSE;
  items = gk_catalog_list_items (demo->db, catalog_id, error);
  if (items == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GkCatalogItem) item = g_list_model_get_item (items, i);
      guint number = gk_catalog_item_get_number (item);

      if (number < G_N_ELEMENTS (demo->items))
        demo->items[number] = gk_catalog_item_get_id (item);
    }
  return TRUE;
}

/* ---- the organization, in one transaction ---- */

static gboolean
add_directory (GkDatabase *db,
               gpointer    user_data,
               GError    **error)
{
  Demo *demo = user_data;

  for (guint i = 0; i < G_N_ELEMENTS (demo_organizations); i++)
    {
      const DemoOrganization *org = &demo_organizations[i];
      gint64 parent = gk_directory_find_organization (db, org->parent, error);

      if (parent == 0 ||
          gk_directory_add_organization (db, org->name, org->short_name, org->kind, parent, error) == 0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_people); i++)
    {
      const DemoPerson *person = &demo_people[i];
      g_auto(GStrv) roles = g_strsplit (person->roles, ";", -1);
      g_auto(GStrv) oversees = person->oversees ? g_strsplit (person->oversees, "、", -1) : NULL;
      gint64 id = gk_directory_add_person (db, person->name, person->title, NULL, error);

      if (id == 0)
        return FALSE;
      demo->people[i] = id;

      for (guint r = 0; roles[r] != NULL; r++)
        {
          const char *at = strchr (roles[r], '@');
          g_autofree char *role = g_strndup (roles[r], at - roles[r]);
          gint64 org = gk_directory_find_organization (db, at + 1, error);

          if (org == 0 || !gk_directory_add_role (db, id, org, role, error))
            return FALSE;
        }
      for (guint o = 0; oversees != NULL && oversees[o] != NULL; o++)
        {
          gint64 org = gk_directory_find_organization (db, oversees[o], error);

          if (org == 0 || !gk_directory_add_oversight (db, id, org, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* ---- laying out the year ---- */

static void
to_workday (Demo  *demo,
            GDate *day)
{
  GDate workday;

  if (gk_workdays_add (demo->db, day, 0, &workday, NULL))
    *day = workday;
}

static gint
moment_compare (const Moment *a,
                const Moment *b)
{
  gint by_day = g_date_compare (&a->day, &b->day);

  if (by_day != 0)
    return by_day;
  return a->second < b->second ? -1 : a->second > b->second;
}

/* The time of a step: a working hour, or a little after the previous step
 * when both fall on the same day. */
static void
set_moment (Moment       *at,
            const GDate  *day,
            const Moment *previous,
            guint         time,
            guint         pause)
{
  at->day = *day;
  if (previous != NULL && g_date_compare (&previous->day, day) == 0)
    at->second = MAX (time, previous->second + pause);
  else
    at->second = time;
}

/* What the script leaves the notice waiting for: pending notices get a
 * planned date in the coming weeks. */
static gboolean
script_is_pending (const char *script)
{
  return *script == '\0' || strchr ("NXYZWB2", script[strlen (script) - 1]) == NULL;
}

static gboolean
script_publishes (const char *script)
{
  return strchr (script, 'B') != NULL || strchr (script, '1') != NULL;
}

static void
lay_out_notice (Demo        *demo,
                NoticeRun   *run,
                const GDate *start)
{
  const char *script = run->spec->script;
  GDate day = *start;

  to_workday (demo, &day);
  set_moment (&run->at[0], &day, NULL, run->times[0], 0);
  for (guint i = 1; i < run->n_steps; i++)
    {
      g_date_add_days (&day, script[i - 1] == 'B' || script[i - 1] == '1' ? run->planned_gap : run->gaps[i]);
      to_workday (demo, &day);
      set_moment (&run->at[i], &day, &run->at[i - 1], run->times[i], run->pause[i]);
    }
}

/* Gaps in days before each step, as people take them. */
static guint
gap_before (Demo *demo,
            char  code)
{
  switch (code)
    {
    case 'D': case 'U': case 'N':
      return draw (demo, 4, 10);   /* the next standing-committee meeting */
    case 'P':
      return draw (demo, 8, 20);   /* the higher committee's reply */
    case '2':
      return draw (demo, 5, 12);   /* the wider stage a week or two later */
    case 'W':
      return draw (demo, 2, 8);
    case 'e':
      return draw (demo, 2, 5);
    default:
      return draw (demo, 1, 4);
    }
}

static void
schedule_notice (Demo        *demo,
                 NoticeRun   *run,
                 const GDate *linked_start)
{
  const DemoNotice *spec = run->spec;
  GDate yesterday = demo->today;
  GDate start;
  GDate planned;

  run->n_steps = (guint) strlen (spec->script) + 1;
  g_assert (run->n_steps <= MAX_STEPS);
  for (guint i = 0; i < run->n_steps; i++)
    {
      run->gaps[i] = i > 0 ? gap_before (demo, spec->script[i - 1]) : 0;
      run->times[i] = draw (demo, DAY_START, DAY_END);
      run->pause[i] = draw (demo, 10 * 60, 60 * 60);
    }
  run->planned_gap = draw (demo, 2, 6);

  g_date_subtract_days (&yesterday, 1);
  if (linked_start != NULL)
    start = *linked_start;
  else if (spec->month > 0)
    {
      g_date_clear (&start, 1);
      g_date_set_dmy (&start, (GDateDay) spec->day, (GDateMonth) spec->month, g_date_get_year (&demo->today));
    }
  else
    {
      start = demo->today;
      g_date_subtract_days (&start, spec->day);
    }

  lay_out_notice (demo, run, &start);
  /* A day of the year that has not come yet, or not long enough ago: last year's. */
  if (spec->month > 0 && g_date_compare (&run->at[run->n_steps - 1].day, &yesterday) > 0)
    {
      g_date_subtract_years (&start, 1);
      lay_out_notice (demo, run, &start);
    }
  /* Everything happened before today. */
  while (g_date_compare (&run->at[run->n_steps - 1].day, &yesterday) > 0)
    {
      g_date_subtract_days (&start, g_date_days_between (&yesterday, &run->at[run->n_steps - 1].day));
      lay_out_notice (demo, run, &start);
    }

  if (script_publishes (spec->script))
    {
      /* Published on the planned day: the step after approval. */
      const char *publish = strpbrk (spec->script, "B1");

      planned = run->at[publish - spec->script + 1].day;
    }
  else if (script_is_pending (spec->script))
    {
      planned = demo->today;
      g_date_add_days (&planned, draw (demo, 4, 28));
    }
  else
    {
      planned = run->at[0].day;
      g_date_add_days (&planned, draw (demo, 15, 35));
    }
  to_workday (demo, &planned);
  run->planned = gk_date_to_iso (&planned);
}

/* N working days before TODAY. */
static void
workdays_ago (Demo  *demo,
              guint  n,
              GDate *day)
{
  *day = demo->today;
  while (n > 0)
    {
      g_date_subtract_days (day, 1);
      if (gk_workdays_is_workday (demo->db, day))
        n--;
    }
}

static void
schedule_application (Demo           *demo,
                      ApplicationRun *run)
{
  const DemoApplication *spec = run->spec;
  GDate day;

  if (spec->month > 0)
    {
      g_date_clear (&day, 1);
      g_date_set_dmy (&day, (GDateDay) spec->day, (GDateMonth) spec->month, g_date_get_year (&demo->today));
      if (g_date_days_between (&day, &demo->today) < 45)
        g_date_subtract_years (&day, 1);
      to_workday (demo, &day);
    }
  else
    workdays_ago (demo, spec->day, &day);

  run->has[APP_RECEIVE] = TRUE;
  set_moment (&run->at[APP_RECEIVE], &day, NULL, draw (demo, DAY_START, DAY_END), 0);
  if (spec->handler != NULL)
    {
      g_date_add_days (&day, draw (demo, 1, 2));
      to_workday (demo, &day);
      /* Not yet, if that is today: it stays with party office. */
      run->has[APP_FORWARD] = g_date_compare (&day, &demo->today) < 0;
      set_moment (&run->at[APP_FORWARD], &day, &run->at[APP_RECEIVE], draw (demo, DAY_START, DAY_END), 1800);
    }
}

static void
schedule_reply (Demo           *demo,
                ApplicationRun *run,
                guint           index)
{
  const DemoApplication *spec = run->spec;
  const Moment *after = &run->at[APP_RECEIVE];
  GDate day;

  if (spec->answerer == NULL)
    return;

  /* After the notice that answers it, if one does. */
  for (guint i = 0; i < G_N_ELEMENTS (demo_notices); i++)
    if (demo_notices[i].application == index + 1)
      after = &demo->notices[i].at[demo->notices[i].n_steps - 1];

  day = after->day;
  g_date_add_days (&day, spec->reply_days);
  to_workday (demo, &day);
  run->has[APP_REPLY] = g_date_compare (&day, &demo->today) < 0;
  set_moment (&run->at[APP_REPLY], &day, after, draw (demo, DAY_START, DAY_END), 1800);
}

static NoticeRun *
find_run (Demo       *demo,
          const char *title)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo->notices); i++)
    if (g_str_equal (demo->notices[i].spec->title, title))
      return &demo->notices[i];
  g_assert_not_reached ();
}

/* When RUN was published. */
static const Moment *
published_at (NoticeRun *run)
{
  const char *script = run->spec->script;
  const char *publish = strpbrk (script, "B1");

  g_assert (publish != NULL);
  return &run->at[publish - script + 1];
}

/* Step STEP of the supervision N working days after AFTER (or, AFTER
 * NULL, N working days before TODAY), at TIME, and never later than the
 * last working day before TODAY: the demo's history is all in the past. */
static void
schedule_supervision_step (Demo         *demo,
                           guint         step,
                           const Moment *after,
                           guint         n,
                           guint         time)
{
  GDate latest, day;

  workdays_ago (demo, 1, &latest);
  if (after != NULL)
    {
      day = after->day;
      for (guint i = 0; i < n; i++)
        {
          g_date_add_days (&day, 1);
          to_workday (demo, &day);
        }
    }
  else
    workdays_ago (demo, n, &day);
  if (g_date_compare (&day, &latest) > 0)
    day = latest;
  set_moment (&demo->supervision_at[step], &day, after, time, 20 * 60);
}

static void
schedule_supervision (Demo   *demo,
                      GArray *events,
                      guint  *seq)
{
  Moment *at = demo->supervision_at;

  schedule_supervision_step (demo, SUP_ROUTINE, NULL, 48, 2 * 3600);
  schedule_supervision_step (demo, SUP_ROUTINE_FINDING, &at[SUP_ROUTINE], 0, 0);
  schedule_supervision_step (demo, SUP_ROUTINE_NONE, &at[SUP_ROUTINE_FINDING], 0, 0);
  schedule_supervision_step (demo, SUP_ROUTINE_DONE, NULL, 41, 7 * 3600);
  schedule_supervision_step (demo, SUP_SPECIAL, NULL, 22, 3 * 3600);
  schedule_supervision_step (demo, SUP_SPECIAL_OVERDUE, &at[SUP_SPECIAL], 0, 0);
  schedule_supervision_step (demo, SUP_SPECIAL_OPEN, &at[SUP_SPECIAL_OVERDUE], 0, 0);
  schedule_supervision_step (demo, SUP_FEEDBACK_MAILBOX, published_at (find_run (demo, SUP_PRAISED_NOTICE)), 2, 1 * 3600);
  schedule_supervision_step (demo, SUP_FEEDBACK_MEETING, published_at (find_run (demo, SUP_PROBATION_NOTICE)), 3, 6 * 3600);
  schedule_supervision_step (demo, SUP_OPINION, &at[SUP_FEEDBACK_MAILBOX], 1, 2 * 3600);
  schedule_supervision_step (demo, SUP_CLARIFICATION, &at[SUP_OPINION], 1, 5 * 3600);

  for (guint i = 0; i < SUP_N_STEPS; i++)
    {
      Event event = { at[i], (*seq)++, 0, 0, i, TRUE };

      g_array_append_val (events, event);
    }
}

static gint
event_compare (gconstpointer a,
               gconstpointer b)
{
  const Event *x = a;
  const Event *y = b;
  gint by_time = moment_compare (&x->at, &y->at);

  if (by_time != 0)
    return by_time;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static GArray *
schedule (Demo *demo)
{
  GArray *events = g_array_new (FALSE, FALSE, sizeof (Event));
  guint seq = 0;

  for (guint i = 0; i < G_N_ELEMENTS (demo_applications); i++)
    schedule_application (demo, &demo->applications[i]);

  for (guint i = 0; i < G_N_ELEMENTS (demo_notices); i++)
    {
      NoticeRun *run = &demo->notices[i];
      guint application = run->spec->application;

      if (application > 0)
        {
          const ApplicationRun *linked = &demo->applications[application - 1];
          GDate start = linked->at[linked->has[APP_FORWARD] ? APP_FORWARD : APP_RECEIVE].day;

          g_date_add_days (&start, draw (demo, 2, 4));
          schedule_notice (demo, run, &start);
        }
      else
        schedule_notice (demo, run, NULL);

      for (guint s = 0; s < run->n_steps; s++)
        {
          Event event = { run->at[s], seq++, i + 1, 0, s };

          g_array_append_val (events, event);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_applications); i++)
    {
      ApplicationRun *run = &demo->applications[i];

      schedule_reply (demo, run, i);
      for (guint s = 0; s < APP_N_STEPS; s++)
        if (run->has[s])
          {
            Event event = { run->at[s], seq++, 0, i + 1, s };

            g_array_append_val (events, event);
          }
    }

  schedule_supervision (demo, events, &seq);
  g_array_sort (events, event_compare);
  return events;
}

static void
set_clock (Demo         *demo,
           const Moment *at)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (g_date_get_year (&at->day),
                                                  g_date_get_month (&at->day),
                                                  g_date_get_day (&at->day),
                                                  (gint) (at->second / 3600),
                                                  (gint) (at->second / 60 % 60),
                                                  (gdouble) (at->second % 60));

  gk_database_set_clock (demo->db, now);
}

/* ---- running the steps ---- */

static gboolean
prepare_notice (Demo       *demo,
                NoticeRun  *run,
                GError    **error)
{
  const DemoNotice *spec = run->spec;

  run->proposer_id = person_id (demo, spec->proposer);
  run->organization_id = gk_directory_find_organization (demo->db, spec->org, error);
  if (run->organization_id == 0)
    return FALSE;
  if (spec->item > 0)
    {
      run->item_id = spec->item < G_N_ELEMENTS (demo->items) ? demo->items[spec->item] : 0;
      if (run->item_id == 0)
        {
          g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND,
                       _("The catalog has no item %u"), spec->item);
          return FALSE;
        }
    }
  return resolve_stages (demo->db, spec->audiences, gk_directory_find_audience, run->audiences, error) &&
         resolve_stages (demo->db, spec->methods, find_method, run->methods, error);
}

static void
fill_plan (Demo         *demo,
           NoticeRun    *run,
           GkNoticePlan *plan)
{
  const DemoNotice *spec = run->spec;

  *plan = (GkNoticePlan) {
    .organization_id = run->organization_id,
    .item_id = run->item_id,
    .application_id = spec->application > 0 ? demo->applications[spec->application - 1].id : 0,
    .title = run->title,
    .body = run->body,
    .audience_ids = run->audiences[0],
    .planned_date = run->planned,
    .method_ids = run->methods[0],
    .layout = spec->major ? "redhead" : NULL,
    .major = spec->major,
  };
}

/* The first person the procedure waits for: the one who decides now. */
static gint64
decider (Demo       *demo,
         NoticeRun  *run,
         GError    **error)
{
  g_autoptr(GArray) waiting = gk_workflow_waiting_for (demo->db, run->id, NULL, error);

  if (waiting == NULL)
    return 0;
  if (waiting->len == 0)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Nobody may take the next step of “%s”"), run->title);
      return 0;
    }
  return g_array_index (waiting, gint64, 0);
}

static gboolean
run_notice_step (Demo       *demo,
                 NoticeRun  *run,
                 guint       step,
                 GError    **error)
{
  const DemoNotice *spec = run->spec;
  g_autofree char *date = gk_date_to_iso (&run->at[step].day);
  g_autofree char *reference = NULL;
  g_autofree char *note = NULL;
  GkStepArgs args = { 0 };
  GkNoticePlan plan;
  GkAction action;
  gint64 actor = run->proposer_id;
  char code;

  if (step == 0)
    {
      run->title = expand (spec->title, &run->at[0].day);
      run->body = expand (spec->body, &run->at[0].day);
      fill_plan (demo, run, &plan);
      run->id = gk_workflow_create (demo->db, actor, &plan, NULL, error);
      return run->id != 0;
    }

  code = spec->script[step - 1];
  note = spec->note ? expand (spec->note, &run->at[0].day) : NULL;
  switch (code)
    {
    case 'S':
      action = GK_ACTION_SUBMIT;
      break;
    case 'e':
      {
        g_autofree char *amended = g_strconcat (run->body, "\n", spec->amend, NULL);

        g_free (run->body);
        run->body = g_steal_pointer (&amended);
        fill_plan (demo, run, &plan);
        return gk_workflow_edit (demo->db, actor, run->id, 0, &plan, NULL, error);
      }
    case 'W':
      action = GK_ACTION_WITHDRAW;
      args.note = note;
      break;
    case 'B':
    case '1':
    case '2':
      action = GK_ACTION_PUBLISH;
      args.date = date;
      if (code != 'B')
        {
          args.audience_ids = run->audiences[code - '0'];
          args.method_ids = run->methods[code - '0'];
        }
      break;
    default:
      actor = decider (demo, run, error);
      if (actor == 0)
        return FALSE;
      switch (code)
        {
        case 'V':
          action = GK_ACTION_REVIEW;
          args.secrecy = args.necessity = args.accuracy = "ok";
          if (draw (demo, 0, 3) == 0)
            {
              args.risk = "medium";
              args.note = review_notes_medium[draw (demo, 0, G_N_ELEMENTS (review_notes_medium) - 1)];
            }
          else
            {
              args.risk = "low";
              args.note = review_notes_low[draw (demo, 0, G_N_ELEMENTS (review_notes_low) - 1)];
            }
          break;
        case 'A':
          action = GK_ACTION_APPROVE;
          break;
        case 'E':
          action = GK_ACTION_ESCALATE;
          break;
        case 'D':
        case 'U':
        case 'N':
          action = GK_ACTION_DECIDE;
          reference = g_strdup_printf ("党委常委会会议纪要〔%d〕%u号",
                                       g_date_get_year (&run->at[step].day), 3 + 2 * demo->n_decisions++);
          args.date = date;
          args.reference = reference;
          args.upper = code == 'U';
          args.refuse = code == 'N';
          break;
        case 'P':
          action = GK_ACTION_UPPER_APPROVE;
          reference = g_strdup_printf ("省委教育工委复函〔%d〕%u号",
                                       g_date_get_year (&run->at[step].day), 10 + 3 * demo->n_decisions++);
          args.date = date;
          args.reference = reference;
          break;
        case 'R':
          action = GK_ACTION_RETURN;
          args.note = note;
          break;
        case 'X':
        case 'Y':
        case 'Z':
          action = GK_ACTION_REJECT;
          args.reason = code == 'X' ? GK_REJECT_SECRET : code == 'Y' ? GK_REJECT_UNSUITABLE : GK_REJECT_OTHER;
          args.note = note;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return gk_workflow_act (demo->db, actor, run->id, action, &args, error);
}

static gboolean
run_application_step (Demo            *demo,
                      ApplicationRun  *run,
                      guint            step,
                      GError         **error)
{
  const DemoApplication *spec = run->spec;
  g_autofree char *received = gk_date_to_iso (&run->at[APP_RECEIVE].day);
  g_autofree char *replied = NULL;
  gint64 handler;

  switch (step)
    {
    case APP_RECEIVE:
      run->to_id = gk_directory_find_organization (demo->db, spec->to, error);
      if (run->to_id == 0)
        return FALSE;
      run->request = expand (spec->request, &run->at[APP_RECEIVE].day);
      run->id = gk_requests_new (demo->db, person_id (demo, spec->recorder), spec->applicant, spec->is_member,
                                 run->to_id, run->request, received, error);
      return run->id != 0;

    case APP_FORWARD:
      handler = gk_directory_find_organization (demo->db, spec->handler, error);
      return handler != 0 &&
             gk_requests_forward (demo->db, person_id (demo, spec->recorder), run->id, handler, error);

    case APP_REPLY:
      replied = gk_date_to_iso (&run->at[APP_REPLY].day);
      run->reply_note = expand (spec->reply_note, &run->at[APP_RECEIVE].day);
      return gk_requests_reply (demo->db, person_id (demo, spec->answerer), run->id, spec->reply,
                                run->reply_note, replied, error);

    default:
      g_assert_not_reached ();
    }
}

/* A finding's deadline: N working days after TODAY (N < 0: before). */
static char *
deadline_from_today (Demo  *demo,
                     int    n)
{
  GDate day;

  if (n < 0)
    workdays_ago (demo, (guint) -n, &day);
  else if (!gk_workdays_add (demo->db, &demo->today, (guint) n, &day, NULL))
    day = demo->today;
  return gk_date_to_iso (&day);
}

static gboolean
run_supervision_step (Demo    *demo,
                      guint    step,
                      GError **error)
{
  gint64 *ids = demo->supervision_ids;
  g_autofree char *date = gk_date_to_iso (&demo->supervision_at[step].day);
  g_autofree char *deadline = NULL;
  NoticeRun *praised = find_run (demo, SUP_PRAISED_NOTICE);
  gint64 organization;

  switch (step)
    {
    case SUP_ROUTINE:
      ids[step] = gk_inspections_new (demo->db, person_id (demo, "孙丽娟"), GK_INSPECTION_ROUTINE, "党委办公室",
                                      "各单位党务公开栏和校园局域网公开专栏", date, error);
      break;

    case SUP_ROUTINE_FINDING:
      organization = gk_directory_find_organization (demo->db, "组织部", error);
      deadline = deadline_from_today (demo, -38);
      ids[step] = organization == 0 ? 0
                  : gk_inspections_add_finding (demo->db, person_id (demo, "孙丽娟"), ids[SUP_ROUTINE], organization,
                                                "拟接收预备党员公示未注明监督电话和反映方式",
                                                "在公示中补充监督电话、电子邮箱和反映方式", deadline, 0, error);
      break;

    case SUP_ROUTINE_NONE:
      organization = gk_directory_find_organization (demo->db, "宣传部", error);
      ids[step] = organization == 0 ? 0
                  : gk_inspections_add_finding (demo->db, person_id (demo, "孙丽娟"), ids[SUP_ROUTINE], organization,
                                                "理论学习中心组学习计划公开及时，内容完整", NULL, NULL, 0, error);
      break;

    case SUP_ROUTINE_DONE:
      return gk_inspections_complete (demo->db, person_id (demo, "张明"), ids[SUP_ROUTINE_FINDING], 0, date,
                                      "已在公示中补充监督电话和电子邮箱，并在组织部网页同步更新", error);

    case SUP_SPECIAL:
      ids[step] = gk_inspections_new (demo->db, person_id (demo, "何建军"), GK_INSPECTION_SPECIAL, "纪检监察办公室",
                                      "党务公开目录执行情况专项督查", date, error);
      break;

    case SUP_SPECIAL_OVERDUE:
      organization = gk_directory_find_organization (demo->db, "文学院党总支", error);
      deadline = deadline_from_today (demo, -8);
      ids[step] = organization == 0 ? 0
                  : gk_inspections_add_finding (demo->db, person_id (demo, "何建军"), ids[SUP_SPECIAL], organization,
                                                "党总支年度工作总结未按目录规定时限公开",
                                                "在校园局域网补充公开年度工作总结并说明延迟原因", deadline,
                                                person_id (demo, "吴海燕"), error);
      break;

    case SUP_SPECIAL_OPEN:
      organization = gk_directory_find_organization (demo->db, "计信学院党总支", error);
      deadline = deadline_from_today (demo, 10);
      ids[step] = organization == 0 ? 0
                  : gk_inspections_add_finding (demo->db, person_id (demo, "何建军"), ids[SUP_SPECIAL], organization,
                                                "公开栏未标注各事项的公开范围",
                                                "逐项标注公开范围并建立公开栏更新台账", deadline, 0, error);
      break;

    case SUP_FEEDBACK_MAILBOX:
      ids[step] = gk_feedback_new (demo->db, person_id (demo, "孙丽娟"), praised->id, GK_FEEDBACK_MAILBOX,
                                   "建议在公示中列明拟表彰对象的主要事迹，便于党员群众监督。", date, error);
      break;

    case SUP_FEEDBACK_MEETING:
      ids[step] = gk_feedback_new (demo->db, person_id (demo, "孙丽娟"), find_run (demo, SUP_PROBATION_NOTICE)->id,
                                   GK_FEEDBACK_MEETING,
                                   "重点工作通报会上有党员询问公示期满后如何反馈意见的处理结果。", date, error);
      break;

    case SUP_OPINION:
      ids[step] = gk_feedback_new_opinion (demo->db, person_id (demo, "孙丽娟"), praised->id, GK_SEVERITY_HIGH,
                                           "校外网络论坛出现质疑“两优一先”名额分配的帖文，转发较多，部分说法与事实不符。",
                                           date, error);
      break;

    case SUP_CLARIFICATION:
      deadline = deadline_from_today (demo, 5);
      ids[step] = gk_feedback_issue_clarification (demo->db, praised->proposer_id, praised->id, ids[SUP_OPINION],
                                                   "针对网络上关于“两优一先”名额分配的不实说法，现说明如下：各党总支名额按党员人数比例分配，"
                                                   "评选经基层推荐、组织部审核、党委常委会研究，程序完整，结果已按规定公示。",
                                                   deadline, error);
      break;

    default:
      g_assert_not_reached ();
    }
  return ids[step] != 0;
}

static gboolean
check_fresh (GkDatabase  *db,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gk_database_prepare (db,
                         "SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM notices)"
                         " + (SELECT count(*) FROM applications)"
                         " + (SELECT count(*) FROM organizations WHERE kind IN ('general-branch', 'branch'))",
                         error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) == 0)
    return TRUE;
  g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
               _("Demo data only goes into a new database made from the jinzhong-2020 template"));
  return FALSE;
}

static gboolean
populate (GkDatabase *db,
          gpointer    user_data,
          GError    **error)
{
  Demo *demo = user_data;
  g_autoptr(GArray) events = NULL;
  Moment setup;

  for (guint i = 0; i < G_N_ELEMENTS (demo_notices); i++)
    demo->notices[i].spec = &demo_notices[i];
  for (guint i = 0; i < G_N_ELEMENTS (demo_applications); i++)
    demo->applications[i].spec = &demo_applications[i];

  if (!check_fresh (demo->db, error) || !load_items (demo, error))
    return FALSE;

  events = schedule (demo);

  /* The organization is set up a couple of weeks before the first step. */
  setup = (Moment) { g_array_index (events, Event, 0).at.day, DAY_START };
  g_date_subtract_days (&setup.day, 14);
  to_workday (demo, &setup.day);
  set_clock (demo, &setup);
  gk_database_set_actor (demo->db, 0);
  if (!gk_database_write (demo->db, add_directory, demo, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_notices); i++)
    if (!prepare_notice (demo, &demo->notices[i], error))
      return FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      const Event *event = &g_array_index (events, Event, i);

      set_clock (demo, &event->at);
      if (event->notice > 0)
        {
          NoticeRun *run = &demo->notices[event->notice - 1];

          if (!run_notice_step (demo, run, event->step, error))
            {
              g_prefix_error (error, _("Demo notice “%s”: "), run->title ? run->title : run->spec->title);
              return FALSE;
            }
        }
      else if (event->supervision)
        {
          if (!run_supervision_step (demo, event->step, error))
            {
              g_prefix_error (error, _("Demo supervision: "));
              return FALSE;
            }
        }
      else if (!run_application_step (demo, &demo->applications[event->application - 1], event->step, error))
        {
          g_prefix_error (error, _("Demo application of %s: "), demo_applications[event->application - 1].applicant);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
gk_demo_populate (GkDatabase  *db,
                  GDateTime   *today,
                  GError     **error)
{
  Demo demo = { 0 };
  gint year, month, day;
  gboolean ok;

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_date_time_get_ymd (today, &year, &month, &day);
  g_date_clear (&demo.today, 1);
  g_date_set_dmy (&demo.today, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  demo.db = db;
  demo.rand = g_rand_new_with_seed (DEMO_SEED);

  /* Some three hundred steps, each a savepoint of one transaction: all or
   * nothing, and one wait for the disk instead of three hundred. */
  ok = gk_database_write (db, populate, &demo, error);

  gk_database_set_clock (db, NULL);
  gk_database_set_actor (db, 0);
  demo_clear (&demo);
  return ok;
}
