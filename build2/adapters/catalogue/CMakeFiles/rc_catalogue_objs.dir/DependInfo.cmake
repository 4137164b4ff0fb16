
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/wt/core/adapters/reference/rope_ref.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/__/reference/rope_ref.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/__/reference/rope_ref.c.o.d"
  "/work/wt/core/adapters/reference/rope_ref_data.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/__/reference/rope_ref_data.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/__/reference/rope_ref_data.c.o.d"
  "/work/wt/core/adapters/reference/rope_ref_params.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/__/reference/rope_ref_params.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/__/reference/rope_ref_params.c.o.d"
  "/work/wt/core/adapters/catalogue/api_odd_dims_accepted.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/api_odd_dims_accepted.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/api_odd_dims_accepted.c.o.d"
  "/work/wt/core/adapters/catalogue/api_type_falls_back_to_llama3.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/api_type_falls_back_to_llama3.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/api_type_falls_back_to_llama3.c.o.d"
  "/work/wt/core/adapters/catalogue/backward_ignores_scaling.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/backward_ignores_scaling.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/backward_ignores_scaling.c.o.d"
  "/work/wt/core/adapters/catalogue/backward_sign_not_negated.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/backward_sign_not_negated.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/backward_sign_not_negated.c.o.d"
  "/work/wt/core/adapters/catalogue/batch_positions_assumed_contiguous.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/batch_positions_assumed_contiguous.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/batch_positions_assumed_contiguous.c.o.d"
  "/work/wt/core/adapters/catalogue/cache_clamped_past_max.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/cache_clamped_past_max.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/cache_clamped_past_max.c.o.d"
  "/work/wt/core/adapters/catalogue/cache_garbage_past_max.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/cache_garbage_past_max.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/cache_garbage_past_max.c.o.d"
  "/work/wt/core/adapters/catalogue/cache_int32_index_overflow.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/cache_int32_index_overflow.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/cache_int32_index_overflow.c.o.d"
  "/work/wt/core/adapters/catalogue/cache_position_off_by_one.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/cache_position_off_by_one.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/cache_position_off_by_one.c.o.d"
  "/work/wt/core/adapters/catalogue/cache_wrapped_past_max.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/cache_wrapped_past_max.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/cache_wrapped_past_max.c.o.d"
  "/work/wt/core/adapters/catalogue/catalogue.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/catalogue.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/catalogue.c.o.d"
  "/work/wt/core/adapters/catalogue/direction_cos_sin_swapped.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/direction_cos_sin_swapped.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/direction_cos_sin_swapped.c.o.d"
  "/work/wt/core/adapters/catalogue/direction_inverse_rotation.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/direction_inverse_rotation.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/direction_inverse_rotation.c.o.d"
  "/work/wt/core/adapters/catalogue/direction_sign_one_output.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/direction_sign_one_output.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/direction_sign_one_output.c.o.d"
  "/work/wt/core/adapters/catalogue/direction_transposed_matrix.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/direction_transposed_matrix.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/direction_transposed_matrix.c.o.d"
  "/work/wt/core/adapters/catalogue/freq_angle_divides.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/freq_angle_divides.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/freq_angle_divides.c.o.d"
  "/work/wt/core/adapters/catalogue/freq_base_ignored.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/freq_base_ignored.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/freq_base_ignored.c.o.d"
  "/work/wt/core/adapters/catalogue/freq_exponent_k_over_d.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/freq_exponent_k_over_d.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/freq_exponent_k_over_d.c.o.d"
  "/work/wt/core/adapters/catalogue/freq_head_dim_exponent.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/freq_head_dim_exponent.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/freq_head_dim_exponent.c.o.d"
  "/work/wt/core/adapters/catalogue/freq_integer_division_exponent.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/freq_integer_division_exponent.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/freq_integer_division_exponent.c.o.d"
  "/work/wt/core/adapters/catalogue/freq_one_based_index.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/freq_one_based_index.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/freq_one_based_index.c.o.d"
  "/work/wt/core/adapters/catalogue/linear_multiplies.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/linear_multiplies.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/linear_multiplies.c.o.d"
  "/work/wt/core/adapters/catalogue/llama3_band_edge_exclusive.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/llama3_band_edge_exclusive.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/llama3_band_edge_exclusive.c.o.d"
  "/work/wt/core/adapters/catalogue/llama3_smooth_in_wavelength.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/llama3_smooth_in_wavelength.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/llama3_smooth_in_wavelength.c.o.d"
  "/work/wt/core/adapters/catalogue/llama3_unscaled_returned.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/llama3_unscaled_returned.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/llama3_unscaled_returned.c.o.d"
  "/work/wt/core/adapters/catalogue/longrope_always_long.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/longrope_always_long.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/longrope_always_long.c.o.d"
  "/work/wt/core/adapters/catalogue/longrope_factors_not_applied.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/longrope_factors_not_applied.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/longrope_factors_not_applied.c.o.d"
  "/work/wt/core/adapters/catalogue/longrope_switch_ge.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/longrope_switch_ge.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/longrope_switch_ge.c.o.d"
  "/work/wt/core/adapters/catalogue/memory_in_place_hazard.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/memory_in_place_hazard.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/memory_in_place_hazard.c.o.d"
  "/work/wt/core/adapters/catalogue/memory_nan_on_zero.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/memory_nan_on_zero.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/memory_nan_on_zero.c.o.d"
  "/work/wt/core/adapters/catalogue/memory_writes_past_output.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/memory_writes_past_output.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/memory_writes_past_output.c.o.d"
  "/work/wt/core/adapters/catalogue/mutant_util.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/mutant_util.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/mutant_util.c.o.d"
  "/work/wt/core/adapters/catalogue/ntk_exponent_missing.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/ntk_exponent_missing.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/ntk_exponent_missing.c.o.d"
  "/work/wt/core/adapters/catalogue/ntk_not_restored.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/ntk_not_restored.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/ntk_not_restored.c.o.d"
  "/work/wt/core/adapters/catalogue/ntk_raw_seq_len.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/ntk_raw_seq_len.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/ntk_raw_seq_len.c.o.d"
  "/work/wt/core/adapters/catalogue/ntk_static_at_max.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/ntk_static_at_max.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/ntk_static_at_max.c.o.d"
  "/work/wt/core/adapters/catalogue/pairing_gqa_head_permutation.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/pairing_gqa_head_permutation.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/pairing_gqa_head_permutation.c.o.d"
  "/work/wt/core/adapters/catalogue/pairing_half_split_as_interleaved.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/pairing_half_split_as_interleaved.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/pairing_half_split_as_interleaved.c.o.d"
  "/work/wt/core/adapters/catalogue/pairing_interleaved_as_half_split.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/pairing_interleaved_as_half_split.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/pairing_interleaved_as_half_split.c.o.d"
  "/work/wt/core/adapters/catalogue/pairing_interleaved_written_half_split.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/pairing_interleaved_written_half_split.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/pairing_interleaved_written_half_split.c.o.d"
  "/work/wt/core/adapters/catalogue/partial_head_dim_pairs.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/partial_head_dim_pairs.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/partial_head_dim_pairs.c.o.d"
  "/work/wt/core/adapters/catalogue/partial_pass_through_rotated.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/partial_pass_through_rotated.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/partial_pass_through_rotated.c.o.d"
  "/work/wt/core/adapters/catalogue/precision_angle_bf16.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/precision_angle_bf16.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/precision_angle_bf16.c.o.d"
  "/work/wt/core/adapters/catalogue/precision_angle_fp16.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/precision_angle_fp16.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/precision_angle_fp16.c.o.d"
  "/work/wt/core/adapters/catalogue/precision_fast_trig.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/precision_fast_trig.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/precision_fast_trig.c.o.d"
  "/work/wt/core/adapters/catalogue/precision_inv_freq_bf16.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/precision_inv_freq_bf16.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/precision_inv_freq_bf16.c.o.d"
  "/work/wt/core/adapters/catalogue/precision_inv_freq_fp16.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/precision_inv_freq_fp16.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/precision_inv_freq_fp16.c.o.d"
  "/work/wt/core/adapters/catalogue/precision_position_bf16.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/precision_position_bf16.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/precision_position_bf16.c.o.d"
  "/work/wt/core/adapters/catalogue/precision_position_fp16.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/precision_position_fp16.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/precision_position_fp16.c.o.d"
  "/work/wt/core/adapters/catalogue/precision_table_bf16.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/precision_table_bf16.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/precision_table_bf16.c.o.d"
  "/work/wt/core/adapters/catalogue/precision_table_fp16.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/precision_table_fp16.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/precision_table_fp16.c.o.d"
  "/work/wt/core/adapters/catalogue/yarn_magnitude_missing.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/yarn_magnitude_missing.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/yarn_magnitude_missing.c.o.d"
  "/work/wt/core/adapters/catalogue/yarn_magnitude_one_component.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/yarn_magnitude_one_component.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/yarn_magnitude_one_component.c.o.d"
  "/work/wt/core/adapters/catalogue/yarn_magnitude_twice.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/yarn_magnitude_twice.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/yarn_magnitude_twice.c.o.d"
  "/work/wt/core/adapters/catalogue/yarn_ramp_bounds_off_by_one.c" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/yarn_ramp_bounds_off_by_one.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_catalogue_objs.dir/yarn_ramp_bounds_off_by_one.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
