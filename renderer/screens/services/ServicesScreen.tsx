import { useState } from 'react';
import type { BookingView, ServiceView } from '../../../contract/calls/ordering-calls';
import type { KioskApi } from '../../../contract/kiosk-api';
import { BookingTicket } from './BookingTicket';
import { MyBookings } from './MyBookings';
import { ServiceCatalogue } from './ServiceCatalogue';
import { ServiceConfirm } from './ServiceConfirm';
import { ServiceSlots } from './ServiceSlots';
import '../meals/ordering.css';

type Step =
  | { kind: 'catalogue' }
  | { kind: 'slots'; service: ServiceView }
  | { kind: 'confirm'; service: ServiceView; slotId: string }
  | { kind: 'done'; booking: BookingView }
  | { kind: 'bookings' };

export interface ServicesScreenProps {
  api: KioskApi;
  /** the booking is made and its ticket shown: back to home */
  onDone: () => void;
  /** 返回 from the catalogue */
  onBack: () => void;
  onHome: () => void;
}

/** 预约服务: catalogue → time slot → confirmation (total in big digits, spoken) → booking number. */
export function ServicesScreen({ api, onDone, onBack, onHome }: ServicesScreenProps) {
  const [step, setStep] = useState<Step>({ kind: 'catalogue' });
  switch (step.kind) {
    case 'catalogue':
      return (
        <ServiceCatalogue
          api={api}
          onChoose={(service) => setStep({ kind: 'slots', service })}
          onMyBookings={() => setStep({ kind: 'bookings' })}
          onBack={onBack}
          onHome={onHome}
        />
      );
    case 'slots':
      return (
        <ServiceSlots
          api={api}
          service={step.service}
          onChoose={(slot) => setStep({ kind: 'confirm', service: step.service, slotId: slot.id })}
          onBack={() => setStep({ kind: 'catalogue' })}
          onHome={onHome}
        />
      );
    case 'confirm':
      return (
        <ServiceConfirm
          api={api}
          slotId={step.slotId}
          onBooked={(booking) => setStep({ kind: 'done', booking })}
          onCancel={() => setStep({ kind: 'slots', service: step.service })}
          onHome={onHome}
        />
      );
    case 'done':
      return <BookingTicket api={api} booking={step.booking} onDone={onDone} onHome={onHome} />;
    case 'bookings':
      return <MyBookings api={api} onBack={() => setStep({ kind: 'catalogue' })} onHome={onHome} />;
  }
}
