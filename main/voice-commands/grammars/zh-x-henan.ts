import type { Grammar } from '../grammar';

/**
 * Henan (Central Plains Mandarin): 俺 for I/my, 中/中嘞 for yes, 不中 for no, 喊 for calling
 * someone, 喝汤 for supper, 晌午饭 for lunch. To be reviewed with local staff.
 */
export const henanGrammar: Grammar = {
  locale: 'zh-x-henan',
  rules: [
    {
      intent: 'dish',
      templates: ['[俺|我][要|想][吃|来|点|买|打][一份|一碗|一个|碗|个|份]{dish}[吧|嘞|哩]'],
    },
    {
      intent: 'meals',
      templates: [
        '[俺|我][要|想][去](吃饭|点餐|订饭|打饭|点菜|买饭|吃晌午饭|喝汤|订个饭)[吧|嘞|哩]',
      ],
    },
    {
      intent: 'benefits',
      templates: [
        '[俺|我][要|想][看|查|问][看|一下][俺的|俺|我的](补贴|待遇|福利|津贴)[是啥|有啥|有多少|多少]',
      ],
    },
    { intent: 'services', templates: ['[俺|我][要|想](预约服务|预约|约服务|约个服务)'] },
    {
      intent: 'staff',
      templates: [
        '[请|麻烦][恁|你][帮俺|帮我](叫人|喊人|叫个人|喊个人|帮忙|帮帮忙|叫工作人员|喊工作人员|来个人)[吧|嘞|一下]',
      ],
    },
    { intent: 'back', templates: ['(返回|回去|退回去|上一步)[吧]'] },
    { intent: 'confirm', templates: ['(确认|确定|中嘞|中|妥了|妥|好嘞|行|得劲|可以)[吧|嘞]'] },
    { intent: 'cancel', templates: ['(取消|不中|不要了|不要|算了|拉倒吧|拉倒|不用了)[吧|嘞]'] },
  ],
};
