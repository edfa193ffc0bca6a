import type { Random } from "./random.ts";

/**
 * Chinese names for synthetic entities, built from small syllable pools so that names vary
 * (search has something to discriminate) without copying real place or company names.
 */
const PLACE_CHARS =
  "安宁平和永兴嘉华泰丰清源云川江河湖山岭峰溪泉林松柏桂兰梅竹石金银玉明光德信义仁礼智长乐福寿康庆瑞祥吉鸿鹏凤龙阳春秋晨星海洋滨沙洲湾浦桥亭田禾".split(
    "",
  );
const TRADE_CHARS = "博创科达汇联合通盛恒远鑫宏宇浩泽瀚卓越精诚正新锐智航拓启辰峻昊晟睿颐润沃晶铭胜利鼎力坤元普蓝青蓝绿荣亿万千佰".split(
  "",
);

export const CHAIN_INDUSTRIES: readonly { zh: string; en: string; stem: string }[] = [
  { zh: "生物医药", en: "Biomedicine", stem: "医药" },
  { zh: "美妆日化", en: "Cosmetics and daily chemicals", stem: "日化" },
  { zh: "新能源汽车", en: "New-energy vehicles", stem: "汽车" },
  { zh: "集成电路", en: "Integrated circuits", stem: "芯片" },
  { zh: "高端装备", en: "High-end equipment", stem: "装备" },
  { zh: "新材料", en: "New materials", stem: "材料" },
  { zh: "光伏", en: "Photovoltaics", stem: "光伏" },
  { zh: "锂电池", en: "Lithium batteries", stem: "电池" },
  { zh: "医疗器械", en: "Medical devices", stem: "器械" },
  { zh: "智能家居", en: "Smart home", stem: "家居" },
  { zh: "现代农业", en: "Modern agriculture", stem: "农业" },
  { zh: "中医药", en: "Traditional Chinese medicine", stem: "中药" },
  { zh: "食品加工", en: "Food processing", stem: "食品" },
  { zh: "纺织服装", en: "Textiles and apparel", stem: "纺织" },
  { zh: "数字经济", en: "Digital economy", stem: "数字" },
  { zh: "文化旅游", en: "Culture and tourism", stem: "文旅" },
  { zh: "健康养老", en: "Health and elderly care", stem: "康养" },
  { zh: "半导体装备", en: "Semiconductor equipment", stem: "半导体" },
  { zh: "氢能", en: "Hydrogen energy", stem: "氢能" },
  { zh: "航空航天", en: "Aerospace", stem: "航空" },
];

const SEGMENT_WORDS = {
  upstream: ["原料", "关键材料", "核心零部件", "基础研发", "种植养殖", "矿产资源", "专用设备", "化工中间体", "种质资源", "电子元器件"],
  midstream: ["生产制造", "组装集成", "精深加工", "研发设计", "检测认证", "封装测试", "中试放大", "模组制造", "合同生产", "工艺服务"],
  downstream: ["品牌运营", "物流配送", "应用服务", "终端零售", "医疗服务", "出口贸易", "电商渠道", "运维服务", "回收利用", "体验消费"],
} as const;

const DISTRICT_SUFFIX = { district: "区", county: "县" } as const;

function twoChars(rng: Random, pool: readonly string[]): string {
  return rng.pick(pool) + rng.pick(pool);
}

export function placeName(rng: Random, suffix: string): string {
  return twoChars(rng, PLACE_CHARS) + suffix;
}

export function districtName(rng: Random, kind: keyof typeof DISTRICT_SUFFIX): string {
  return placeName(rng, DISTRICT_SUFFIX[kind]);
}

export function segmentName(stem: string, stage: keyof typeof SEGMENT_WORDS, index: number): string {
  const words = SEGMENT_WORDS[stage];
  const word = words[index % words.length];
  const round = Math.floor(index / words.length);
  return `${stem}${word}${round > 0 ? String(round + 1) : ""}`;
}

const FIRM_SUFFIXES = ["有限公司", "股份有限公司", "科技有限公司", "集团有限公司"] as const;

/** e.g. 嘉禾博创医药有限公司: place, trade name, industry stem, legal form; `parts` make up `name`. */
export function firmName(rng: Random, placeShort: string, stem: string): { name: string; alias: string; parts: string[] } {
  const trade = twoChars(rng, TRADE_CHARS);
  const suffix = rng.pick(FIRM_SUFFIXES);
  return { name: `${placeShort}${trade}${stem}${suffix}`, alias: `${trade}${stem}`, parts: [placeShort, `${trade}${stem}`, suffix] };
}

export function actorName(rng: Random, placeShort: string, what: string): string {
  return `${placeShort}${twoChars(rng, TRADE_CHARS)}${what}`;
}
