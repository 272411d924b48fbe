/**
 * The entities a draft refers to: known ones (by id, listed under `external`) and new ones, one per
 * name however often the issue names it, with every sentence that names it.
 */
import { idPrefix, type EntityKind } from '../../model/kinds';
import type { EntityInput, PropertyValue, ProvenanceInput } from '../../write/document/document.types';
import type { GazetteerEntity } from '../draft.model';
import { slugify } from './romanize';

export interface NewEntity {
  input: EntityInput;
  why: string;
}

export class EntityRegistry {
  readonly known = new Map<string, GazetteerEntity>();
  private readonly byName = new Map<string, NewEntity>();
  readonly created: NewEntity[] = [];
  private readonly ids = new Set<string>();

  constructor(knownIds: Iterable<string>) {
    for (const id of knownIds) this.ids.add(id);
  }

  /** A fresh id of the kind for `name`: `company:x-square-robot`, `-2` when taken. */
  freshId(kind: EntityKind, name: string): string {
    const base = `${idPrefix(kind)}:${slugify(name)}`;
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}-${n}`;
    this.ids.add(id);
    return id;
  }

  /** The new entity named `name` (as written), created on first sight. */
  newEntity(kind: EntityKind, name: string, lang: string, props: Record<string, PropertyValue>, why: string): NewEntity {
    const key = `${kind}|${name.toLowerCase()}`;
    const found = this.byName.get(key);
    if (found) return found;
    // the newsletter's form is its `ko` name even in Latin letters (schema/SEED.md); its own script's tag too
    const names = lang === 'ko' ? [{ lang: 'ko', value: name }] : [{ lang: 'ko', value: name }, { lang, value: name }];
    const input: EntityInput = { id: this.freshId(kind, name), kind, name, names, properties: { ...props }, provenance: [] };
    const e = { input, why };
    this.byName.set(key, e);
    this.created.push(e);
    return e;
  }

  /** The new entity with this id, if the draft created it. */
  byId(id: string): NewEntity | undefined {
    return this.created.find((e) => e.input.id === id);
  }

  /** The new entities as gazetteer entries, so a second reading links every later mention of them. */
  asGazetteer(): GazetteerEntity[] {
    return this.created.map((e) => ({ id: e.input.id, kind: e.input.kind, name: e.input.name, names: e.input.names.map((n) => ({ ...n })) }));
  }

  /** Cites `sentence` on a new entity (once per sentence). */
  cite(e: NewEntity, p: ProvenanceInput): void {
    const list = e.input.provenance!;
    if (!list.some((x) => x.sentence === p.sentence && x.section === p.section)) list.push(p);
  }
}

/** The language a name is written in: Hangul → ko, Han → zh, else en. */
export function langOf(name: string): string {
  if (/[\uac00-\ud7a3]/.test(name)) return 'ko';
  if (/[\u4e00-\u9fff]/.test(name)) return 'zh';
  return 'en';
}
