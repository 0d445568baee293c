/** The demo canteen's dishes and its services: what a Nanxun community canteen typically offers. */
export interface DemoDish {
  id: string;
  name: string;
  icon: string;
  tags: ('低盐' | '软食' | '低糖')[];
  priceFen: number;
}

export const demoDishes: DemoDish[] = [
  { id: 'd-hongshaorou', name: '红烧肉套餐', icon: '🍖', tags: [], priceFen: 1500 },
  { id: 'd-qingzhengyu', name: '清蒸鲈鱼套餐', icon: '🐟', tags: ['低盐', '软食'], priceFen: 1600 },
  { id: 'd-fanqiechaodan', name: '番茄炒蛋套餐', icon: '🍅', tags: ['软食'], priceFen: 1200 },
  {
    id: 'd-qingcaidoufu',
    name: '青菜豆腐套餐',
    icon: '🥬',
    tags: ['低盐', '低糖', '软食'],
    priceFen: 1000,
  },
  { id: 'd-mantou-zhou', name: '小米粥配馒头', icon: '🥣', tags: ['软食', '低糖'], priceFen: 600 },
  { id: 'd-huntun', name: '荠菜馄饨', icon: '🥟', tags: ['软食'], priceFen: 800 },
  {
    id: 'd-xiangguqingcai',
    name: '香菇青菜套餐',
    icon: '🍄',
    tags: ['低盐', '低糖'],
    priceFen: 1100,
  },
  { id: 'd-yangroumian', name: '湖羊肉面', icon: '🍜', tags: [], priceFen: 1400 },
];

/** Which dishes each sitting offers, rotating through the week. */
export const weeklyRotation: { lunch: string[]; dinner: string[] }[] = [
  {
    lunch: ['d-hongshaorou', 'd-qingcaidoufu', 'd-mantou-zhou'],
    dinner: ['d-huntun', 'd-fanqiechaodan'],
  },
  {
    lunch: ['d-qingzhengyu', 'd-fanqiechaodan', 'd-mantou-zhou'],
    dinner: ['d-yangroumian', 'd-qingcaidoufu'],
  },
  {
    lunch: ['d-xiangguqingcai', 'd-hongshaorou', 'd-mantou-zhou'],
    dinner: ['d-huntun', 'd-qingzhengyu'],
  },
  {
    lunch: ['d-yangroumian', 'd-qingcaidoufu', 'd-mantou-zhou'],
    dinner: ['d-fanqiechaodan', 'd-xiangguqingcai'],
  },
  {
    lunch: ['d-qingzhengyu', 'd-hongshaorou', 'd-mantou-zhou'],
    dinner: ['d-huntun', 'd-qingcaidoufu'],
  },
  {
    lunch: ['d-fanqiechaodan', 'd-xiangguqingcai', 'd-mantou-zhou'],
    dinner: ['d-yangroumian', 'd-qingzhengyu'],
  },
  {
    lunch: ['d-hongshaorou', 'd-qingcaidoufu', 'd-huntun'],
    dinner: ['d-mantou-zhou', 'd-fanqiechaodan'],
  },
];

export const sittingCutoff = { lunch: '10:00', dinner: '16:00' } as const;
export const portionsPerSitting = 40;

export interface DemoService {
  id: string;
  name: string;
  icon: string;
  durationMinutes: number;
  priceFen: number;
  description: string;
}

// The 点单式 services of seeds 001 and 002 (助浴, 助洁, 助医, 理发, 康复, 探访, 能力评估).
export const demoServices: DemoService[] = [
  {
    id: 's-bath',
    name: '助浴',
    icon: '🛁',
    durationMinutes: 60,
    priceFen: 5000,
    description: '上门或在中心洗澡，两名护理员协助',
  },
  {
    id: 's-clean',
    name: '助洁',
    icon: '🧹',
    durationMinutes: 120,
    priceFen: 6000,
    description: '上门打扫卫生、洗衣',
  },
  {
    id: 's-escort',
    name: '助医/陪诊',
    icon: '🏥',
    durationMinutes: 180,
    priceFen: 8000,
    description: '陪同去医院看病、取药',
  },
  {
    id: 's-haircut',
    name: '理发',
    icon: '💈',
    durationMinutes: 30,
    priceFen: 1000,
    description: '在中心理发，行动不便可上门',
  },
  {
    id: 's-rehab',
    name: '康复理疗',
    icon: '💪',
    durationMinutes: 45,
    priceFen: 3000,
    description: '康复师指导锻炼、理疗',
  },
  {
    id: 's-visit',
    name: '上门探访',
    icon: '🏠',
    durationMinutes: 60,
    priceFen: 0,
    description: '工作人员上门看望、聊天、检查安全',
  },
  {
    id: 's-assessment',
    name: '能力评估',
    icon: '📋',
    durationMinutes: 60,
    priceFen: 0,
    description: '老年人能力综合评估（免费）',
  },
];
