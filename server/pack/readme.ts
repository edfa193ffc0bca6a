import { nameIn, type PackLang, valueWord } from "./labels.ts";
import type { PackData } from "./pack-data.ts";
import type { Sheet } from "./workbook.ts";

interface ReadmeContext {
  generated: string;
  dataAsOf: string;
  files: { chainMap: string; distribution: string; route: string; workbook: string; report: string };
}

/** README.txt: what each file is, how it was computed, and with which settings. */
export function packReadme(data: PackData, sheets: Sheet[], lang: PackLang, ctx: ReadmeContext): string {
  const t = data.gaps.thresholds;
  const region = `${nameIn(data.gaps.region, lang)} (${data.gaps.region.id})`;
  const chain = `${nameIn(data.gaps.chain, lang)} (${data.gaps.chain.id})`;
  const enclaves = valueWord("enclaves", data.query.enclaves, lang);
  const boundary = data.distribution.boundary;
  const placed = data.distribution.points.filter((p) => !p.approximate).length;
  const sheetLines = sheets.map((s) => `    - ${s.name[lang]}: ${s.rows.length}`);
  if (lang === "en") {
    return [
      "Chain Atlas — chart and list pack (N maps, N lists)",
      `Region: ${region}`,
      `Chain: ${chain}`,
      `Enclaves counted: ${enclaves}`,
      `Generated: ${ctx.generated}    Data as of (newest document cited): ${ctx.dataAsOf}`,
      "",
      "Files",
      `  ${ctx.files.chainMap}.svg / .png — the chain map: segments by stage (upstream, midstream, downstream), local and above-scale firm counts, leaders, expected flows; missing segments dashed red, thin ones orange, broken flows dashed red. Same data as GET /api/chains/:id/map.`,
      `  ${ctx.files.distribution}.svg / .png — where the chain's firms, parks and projects are. ${boundary ? `Drawn on the boundary file uploaded for ${boundary.region} (stated as ${boundary.sourceCrs}, stored in WGS-84), approval No. ${boundary.approvalNumber}. ${placed} of ${data.distribution.points.length} points have their own coordinates; the rest sit at their region's centre (hollow marks, approximate). Dense spots are clustered with their count.` : "No boundary file is uploaded, so this is a schematic: the region's sub-regions as tiles with firm counts per segment. An administrator can upload the planner's own GeoJSON/TopoJSON (with its map approval number)."}`,
      `  ${ctx.files.route}.svg / .png — the recruitment route: gap segments in priority order, each with the recruits of the minimum recruit set that close it and why. ${data.targets.route.method}.`,
      `  ${ctx.files.workbook} — the lists, each sheet opening with region, chain, dates:`,
      ...sheetLines,
      `  ${ctx.files.report} — the gap report, the sections of the report view: page 1 with the title, headline figures and the chain map; then the findings by priority with their evidence, the ranked targets, matchmaking, and every document cited with its date and quotes. The same file as GET /api/chains/:id/report.pdf.`,
      "",
      "How it was computed",
      `  Gaps: a segment is thin below ${t.minFirms} local firms or ${t.minAboveScale} above-scale firms, missing with none; a leader's local ties are weak below ${Math.round(t.minLocalSupplierShare * 100)}% local suppliers. Findings are ordered by priority (severity, what the gap blocks, whether candidates exist).`,
      "  Targets: outside firms in the gap segments, ranked by weighted signals (tags, ties to local leaders, partner regions, relatedness), every candidate scored before the list is cut; targets carry public facts only, never contacts.",
      "  Every fact carries the document and sentence it comes from (sheet Policies & sources).",
    ].join("\r\n");
  }
  return [
    "Chain Atlas 产业链图谱 — 图表包（N图N清单）",
    `区域：${region}`,
    `产业链：${chain}`,
    `飞地计入方式：${enclaves}`,
    `生成时间：${ctx.generated}　资料截至（所引文件最新日期）：${ctx.dataAsOf}`,
    "",
    "文件说明",
    `  ${ctx.files.chainMap}.svg / .png — 产业链图：按上游、中游、下游排列各环节，标出本地企业数、规上企业数和链主，以及环节之间的供需流向；缺链为红色虚线框，弱链为橙色框，断链为红色虚线箭头。数据与 GET /api/chains/:id/map 相同。`,
    `  ${ctx.files.distribution}.svg / .png — 区域分布图：本链企业、园区平台和项目的位置。${boundary ? `底图为管理员为 ${boundary.region} 上传的边界文件（原坐标系 ${boundary.sourceCrs}，已统一为 WGS-84），审图号：${boundary.approvalNumber}。${data.distribution.points.length} 个点中 ${placed} 个有自身经纬度，其余放在所在区域中心（空心标记，位置近似）。点位密集处聚合显示个数。` : "尚未上传行政边界，因此为示意图：按区域层级以方块排列，数字为各环节企业数。管理员可上传规划部门自有的 GeoJSON/TopoJSON 边界（须附审图号）。"}`,
    `  ${ctx.files.route}.svg / .png — 招商路线图：缺口环节按优先级排列，每个环节列出最小招引集合中补齐它的企业、步骤和理由。方法：在排名靠前的候选中做贪心加权集合覆盖。`,
    `  ${ctx.files.workbook} — 清单工作簿，每张表开头注明区域、产业链、生成日期和资料截至日期：`,
    ...sheetLines,
    `  ${ctx.files.report} — 分析报告，与网页“缺口报告”各部分相同：第 1 页为标题、主要指标和产业链图；其后为按优先级排列的短板问题及证据、招商目标排名、供需对接、全部资料来源（文件、日期、引文）。与 GET /api/chains/:id/report.pdf 为同一文件。`,
    "",
    "计算方法",
    `  缺口：本地企业少于 ${t.minFirms} 家或规上企业少于 ${t.minAboveScale} 家为弱链，没有企业为缺链；链主本地配套率低于 ${Math.round(t.minLocalSupplierShare * 100)}% 为本地配套弱。问题按优先级排序（严重程度、影响范围、是否有招商候选）。`,
    "  招商目标：缺口环节中的外地企业，按加权信号（企业标签、与本地链主的关联、合作地区、产业关联度）打分，先全部打分再截取；只列公开信息，不含联系方式。",
    "  每条事实都注明出处文件和原文（见《政策与来源清单》）。",
  ].join("\r\n");
}
