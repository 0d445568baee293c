import type { Grammar } from '../grammar';

/**
 * Jiaxing/Huzhou Wu as a recogniser writes it: 侬/我, 要/想, 个 for 的, 勿/覅 for 不要, 喊 for
 * calling someone, 回转去 for going back, 好个/对个 for agreeing. To be reviewed with local staff.
 */
export const wuGrammar: Grammar = {
  locale: 'wuu',
  rules: [
    {
      intent: 'dish',
      templates: ['[我|阿拉][要|想][吃|点|来|买][一份|一只|一碗|一盆|只|碗]{dish}[哦|啊]'],
    },
    {
      intent: 'meals',
      templates: [
        '[我|阿拉][要|想][去](吃饭|点餐|订饭|订餐|点菜|买饭|吃中饭|吃夜饭|点饭)[哦|啊|了]',
      ],
    },
    {
      intent: 'benefits',
      templates: [
        '[我|阿拉][要|想][看|查|问][看|一记|一下][我个|阿拉个|我](补贴|待遇|福利|津贴)[有啥|是啥|有几化|多少]',
      ],
    },
    { intent: 'services', templates: ['[我][要|想](预约服务|预约|约服务|约个服务)'] },
    {
      intent: 'staff',
      templates: [
        '[请|麻烦][侬][帮我](叫人|喊人|叫个人|喊个人|帮忙|帮帮忙|叫工作人员|喊工作人员|来个人)[来|哦|啊|一记]',
      ],
    },
    { intent: 'back', templates: ['(返回|回转去|退转去|回去|上一步)[哦]'] },
    {
      intent: 'confirm',
      templates: ['(确认|确定|好个|好额|对个|对额|是个|可以个|可以|好|对|行)[哦|啊]'],
    },
    { intent: 'cancel', templates: ['(取消|勿要了|覅了|勿要|覅|算了|勿用了)[哦|啊]'] },
  ],
};
