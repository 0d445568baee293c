import type { Entitlement, LocalText } from '../../contract/calls/benefit-calls';
import { t } from './labels';

const counter = t('服务站柜台', 'the station counter');

/** One short sentence for the elder: what to do now, by status and how the item is claimed. */
export function whatToDo(e: Omit<Entitlement, 'whatToDo'>): LocalText {
  const where = e.claim.where ?? counter;
  const apply =
    e.claim.how === 'phone' && e.claim.phone !== undefined
      ? t(`拨打 ${e.claim.phone}`, `call ${e.claim.phone}`)
      : t(`到${where['zh-CN']}申请`, `apply at ${where.en}`);
  switch (e.status) {
    case 'receiving':
      if (e.dueOn !== null)
        return t(`已评估，${e.dueOn} 起可再申请`, `Done; you can apply again from ${e.dueOn}.`);
      if (e.claim.how === 'card')
        return t('使用时出示老年卡', 'Show your elder card when you use it.');
      if (e.claim.how === 'automatic')
        return t('无需办理，自动享受', 'Nothing to do: it comes automatically.');
      return t('您已在享受', 'You already receive this.');
    case 'can-apply':
      if (e.claim.how === 'card')
        return t('到柜台办理老年卡后即可享受', 'Get an elder card at the counter to use it.');
      return t(`请${apply['zh-CN']}`, `Please ${apply.en}.`);
    case 'due':
      return t(`已到时间，请${apply['zh-CN']}`, `It is due: please ${apply.en}.`);
    case 'ask-staff':
      return t('请问工作人员', 'Please ask the staff.');
    case 'not-eligible':
      return t('不适用', 'Does not apply.');
  }
}
