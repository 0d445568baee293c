import type { Grammar } from '../grammar';

/** Mandarin. Polite and filler words are optional so 我想订饭吧 and 订饭 both work. */
export const mandarinGrammar: Grammar = {
  locale: 'zh-CN',
  rules: [
    {
      intent: 'dish',
      templates: ['[我][要|想|想要][吃|点|来|买|订][一份|一个|一碗|一盘|个|份|碗]{dish}[吧|啊|呀]'],
    },
    {
      intent: 'meals',
      templates: [
        '[请][我][要|想|想要][去](点餐|订饭|订餐|吃饭|点饭|买饭|打饭|订个饭|点个菜|点菜|吃午饭|吃晚饭)[吧|啊|呀]',
      ],
    },
    {
      intent: 'benefits',
      templates: [
        '[我][要|想][看|查|问|听][看|一下][我的|我](补贴|待遇|福利|津贴|优惠)[是什么|是啥|有哪些|有什么|有多少|多少]',
      ],
    },
    { intent: 'services', templates: ['[我][要|想](预约服务|预约|约服务|约个服务|预约一下)'] },
    {
      intent: 'staff',
      templates: [
        '[请|麻烦][你][帮我](叫人|叫个人|帮忙|帮帮忙|帮帮我|来个人|找工作人员|叫工作人员|呼叫工作人员|叫服务员)[吧|啊|一下]',
      ],
    },
    { intent: 'back', templates: ['(返回|回去|上一步|后退|退回去|回到上一页)[吧]'] },
    { intent: 'confirm', templates: ['(确认|确定|好的|好|对|是的|可以|行|没问题)[了|吧|啊]'] },
    { intent: 'cancel', templates: ['(取消|不要了|不要|算了|不用了|不用)[吧|啊]'] },
  ],
};
