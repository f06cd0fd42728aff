/**
 * A shipped token model driven through src/ml: the melody LSTM (recurrent state h/c) or the chorale
 * transformer (key/value cache), fed one or many tokens per call, its state carried from call to
 * call — what the NLL report scores test pieces with and samples from.
 */
import type { LoadedModel, ModelService } from '../../src/ml/service';
import { nextState, zeroState } from '../../src/ml/state';
import { int64, type MlTensor, type TensorMap } from '../../src/ml/tensors';

/** The two kinds of token model the report knows. */
export type TokenModelKind = 'token-lstm' | 'token-transformer';

/** A model plus its running state. */
export class TokenStepper {
  private state: TensorMap;
  private past = 0;

  private constructor(readonly model: LoadedModel, readonly kind: TokenModelKind) {
    this.state = zeroState(model.manifest);
  }

  /**
   * Loads model `id` from `service`, requiring its kind and the genpatch-events-v1 vocabulary.
   * @example
   * const lstm = await TokenStepper.load(createNodeModelService(), 'melody-lstm', 'token-lstm');
   */
  static async load(service: ModelService, id: string, kind: TokenModelKind): Promise<TokenStepper> {
    const model = await service.load(id, { require: { kind, inputs: ['input_ids'], outputs: ['logits'], vocabulary: 'genpatch-events-v1' }, who: 'scripts/nll-report' });
    return new TokenStepper(model, kind);
  }

  /** Size of the vocabulary (the logits' last axis). */
  get vocabSize(): number {
    return this.model.manifest.vocabulary?.size ?? 216;
  }

  /** Longest context the model takes (the transformer's n_positions; unbounded for the LSTM). */
  get maxPositions(): number {
    const max = (this.model.manifest.contract as { max_positions?: unknown }).max_positions;
    return typeof max === 'number' ? max : Infinity;
  }

  /** Forgets every token fed so far (zero state, empty cache). */
  reset(): void {
    this.state = zeroState(this.model.manifest);
    this.past = 0;
  }

  /** Feeds `tokens` after those already seen; returns their logits, [tokens.length × vocab] row-major. */
  async feed(tokens: readonly number[]): Promise<Float32Array> {
    if (tokens.length === 0) throw new Error(`${this.model.manifest.id}: feed() needs at least one token`);
    if (this.past + tokens.length > this.maxPositions) {
      throw new Error(`${this.model.manifest.id}: ${this.past + tokens.length} tokens exceed the context of ${this.maxPositions}`);
    }
    const feeds: TensorMap = { input_ids: int64(tokens, [1, tokens.length]), ...this.state };
    const names = this.model.inputNames;
    if (names.includes('attention_mask')) feeds.attention_mask = int64(new Array(this.past + tokens.length).fill(1), [1, this.past + tokens.length]);
    if (names.includes('position_ids')) feeds.position_ids = int64(tokens.map((_, i) => this.past + i), [1, tokens.length]);
    const out = await this.model.run(feeds);
    this.state = nextState(this.model.manifest, out);
    this.past += tokens.length;
    return (out.logits as MlTensor<'float32'>).data;
  }
}
