"use client";

import { Modal } from "./modal";
import { keyLabel, SHORTCUTS, type Shortcut } from "./shortcuts";

/** The `?` list: every shortcut by group. */
export function ShortcutsDialog({ onClose, canEdit }: { onClose: () => void; canEdit: boolean }) {
  const groups = new Map<Shortcut["group"], Shortcut[]>();
  for (const shortcut of SHORTCUTS) groups.set(shortcut.group, [...(groups.get(shortcut.group) ?? []), shortcut]);
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} wide>
      {canEdit ? null : <p className="lede">Changing the alignment needs an editor account; the other keys work for everyone.</p>}
      <div className="shortcut-groups">
        {[...groups].map(([group, shortcuts]) => (
          <section key={group}>
            <h3>{group}</h3>
            <dl className="shortcut-list">
              {shortcuts.map((shortcut) => (
                <div key={shortcut.action}>
                  <dt>
                    {shortcut.keys.map((key, index) => (
                      <span key={key}>
                        {index > 0 ? " or " : null}
                        <kbd>{keyLabel(key)}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{shortcut.label}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="lede">The buttons above the grid do the same with the mouse. Click a cell to select its row and edition.</p>
      <button type="button" className="button" onClick={onClose} autoFocus>
        Close
      </button>
    </Modal>
  );
}
