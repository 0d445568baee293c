/** A large picture of a card going onto the reader, for elders who cannot read 请刷卡. */
export function TapCardPicture({ label }: { label: string }) {
  return (
    <svg className="tap-card-picture" viewBox="0 0 400 300" role="img" aria-label={label}>
      <rect x="70" y="190" width="260" height="90" rx="18" fill="#1F2933" />
      <rect
        x="110"
        y="205"
        width="180"
        height="60"
        rx="10"
        fill="#F5F7FA"
        stroke="#0B3D91"
        strokeWidth="6"
      />
      <path
        d="M185 225 q15 10 0 20 M200 218 q25 17 0 34 M215 211 q35 24 0 48"
        stroke="#0B3D91"
        strokeWidth="6"
        fill="none"
      />
      <g className="tap-card-picture__card">
        <rect x="120" y="20" width="160" height="100" rx="12" fill="#0B3D91" />
        <rect x="138" y="42" width="40" height="30" rx="5" fill="#F2C94C" />
        <rect x="138" y="88" width="120" height="10" rx="5" fill="#FFFFFF" />
      </g>
      <path
        d="M200 130 v40 m-22 -22 l22 24 l22 -24"
        stroke="#111111"
        strokeWidth="10"
        fill="none"
        strokeLinecap="round"
      />
    </svg>
  );
}
