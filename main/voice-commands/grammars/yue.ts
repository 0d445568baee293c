import type { Grammar } from '../grammar';

/**
 * Cantonese as written by a recogniser (traditional characters are folded to simplified first):
 * 食饭 for eating, 搵 for finding someone, 帮手 for help, 返去 for going back, 唔要 for no.
 */
export const cantoneseGrammar: Grammar = {
  locale: 'yue',
  rules: [
    {
      intent: 'dish',
      templates: ['[我][要|想][食|点|叫|嚟][一份|一个|一碗|个|碗|份]{dish}[啊|呀|吖|喇]'],
    },
    {
      intent: 'meals',
      templates: ['[我][要|想][去](食饭|点餐|订饭|订餐|叫饭|开饭|点菜|买饭|食晏|食晚饭)[啊|呀|喇]'],
    },
    {
      intent: 'benefits',
      templates: [
        '[我][要|想][睇|查|问][下|一下][我嘅|我](补贴|待遇|福利|津贴)[系乜|有乜|有几多|几多]',
      ],
    },
    { intent: 'services', templates: ['[我][要|想](预约服务|预约|约服务|预约下)'] },
    {
      intent: 'staff',
      templates: [
        '[请|麻烦][你][帮我](叫人|搵人|帮手|帮下手|帮吓手|搵职员|叫职员|叫工作人员|搵工作人员|嚟个人)[啊|呀|吖|吓|下]',
      ],
    },
    { intent: 'back', templates: ['(返回|返去|退后|上一步)[啊|喇]'] },
    { intent: 'confirm', templates: ['(确认|确定|好|得|系|啱|冇问题|可以)[喇|啊|呀]'] },
    { intent: 'cancel', templates: ['(取消|唔要喇|唔要|唔使|算数啦|算啦|算数)[喇|啊]'] },
  ],
};
