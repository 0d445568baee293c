/**
 * The kiosk's only kind of button: an icon and a word, at least 96 px square, dark on light or
 * light on dark at 7:1 or more. Colour is never the only cue: every button has its icon and text.
 */
export interface BigButtonProps {
  icon: string;
  label: string;
  onClick: () => void;
  variant?: 'primary' | 'secondary' | 'help' | 'emergency';
  compact?: boolean;
  testId?: string;
  /** for on/off switches (大字, 黑白分明): read out as pressed, shown by the icon too */
  pressed?: boolean;
  /** nothing to do just now (already at the top, say): shown dashed, not by colour alone */
  disabled?: boolean;
}

export function BigButton({
  icon,
  label,
  onClick,
  variant = 'primary',
  compact = false,
  testId,
  pressed,
  disabled,
}: BigButtonProps) {
  return (
    <button
      type="button"
      className={`big-button big-button--${variant}${compact ? ' big-button--compact' : ''}`}
      onClick={onClick}
      data-testid={testId}
      aria-pressed={pressed}
      disabled={disabled}
    >
      <span className="big-button__icon" aria-hidden="true">
        {icon}
      </span>
      <span className="big-button__label">{label}</span>
    </button>
  );
}
